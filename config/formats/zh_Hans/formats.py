"""Chinese number formats Django leaves out. Django's Simplified Chinese groups no digits, so a
population read "2557000" while the French page wrote "2 557 000"; Chinese text with Latin
digits groups them by three with "," (the Unicode CLDR's zh: "2,557,000"). The rest comes from
Django's own Chinese formats."""

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
