"""Demo content for the portal: the real actors of the Cities Project and illustrative cities."""
