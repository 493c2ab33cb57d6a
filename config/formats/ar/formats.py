"""Arabic formats Django leaves out: without them a date and time fell back to the English
"N j, Y, P" ("مارس 31, 2027, 5 ص"); Arabic puts the day first and separates with "،" as in its
DATE_FORMAT ("31 مارس، 2027، 5 ص"). The rest comes from Django's own Arabic formats."""

DATETIME_FORMAT = "j F، Y، P"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y، P"
