import datetime as dt

from django.utils import timezone

# A Monday: the weekly run on it covers the week that starts seven days earlier.
RUN_DAY = dt.date(2031, 3, 17)
WEEK_START = dt.date(2031, 3, 10)
RUN_AT = dt.datetime.combine(RUN_DAY, dt.time(6, 30), tzinfo=dt.UTC)


def during_week(days=2):
    return dt.datetime.combine(WEEK_START, dt.time(9), tzinfo=dt.UTC) + dt.timedelta(days=days)


def freeze(time_machine):
    time_machine.move_to(RUN_AT, tick=False)
    assert timezone.now() == RUN_AT
