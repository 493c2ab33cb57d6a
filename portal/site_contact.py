"""The address the site pages give for writing to the team, in every language's text (the English
of portal/site_pages.py and the translations of portal/site_page_texts)."""

CONTACT_EMAIL = "cities-clusters@example.org"
