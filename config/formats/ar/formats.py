"""Arabic formats Django leaves out or gets wrong. Without the first two a date and time
fell back to the English "N j, Y, P" ("مارس 31, 2027, 5 ص"); Arabic puts the day first and
separates with "،" as in its DATE_FORMAT ("31 مارس، 2027، 5 ص"). The rest comes from Django's
own Arabic formats."""

DATETIME_FORMAT = "j F، Y، P"
# As in DATETIME_FORMAT, so that an event's end reads like its start ("1 م" to "3 م", not
# "1 م" to "3:00 م"); Django's Arabic has "g:i A".
TIME_FORMAT = "P"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y، P"

# Numbers: Django's Arabic has "," for the decimal point, "." between thousands and no grouping,
# so a population read "230000" and Tripoli's latitude "34,437", a number in the thousands to
# most readers. With the Latin digits the portal writes, Arabic uses "." and "," as English does
# (the Unicode CLDR's Arabic with Latin digits): "230,000" and "34.437".
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
