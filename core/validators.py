"""Checks shared by the models of several apps."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.time_zones import valid_time_zone

# Wide enough for any pilot, event or deadline the portal records (the archive reaches back to
# the 1990s), narrow enough that a time zone's offset cannot carry a date past the years Python
# can hold: "0001-01-01" typed in Beirut is year 0 in UTC, and pages showing it failed.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


def plausible_date(value) -> None:
    """A date or date-time within EARLIEST_YEAR..LATEST_YEAR, else a message naming them."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            _("Enter a date between the years %(first)s and %(last)s."),
            code="implausible_date",
            params={"first": EARLIEST_YEAR, "last": LATEST_YEAR},
        )


def known_time_zone(value: str) -> None:
    """A time zone's key ("Asia/Beirut"), as the pages, emails and calendars read it."""
    if not valid_time_zone(value):
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})
