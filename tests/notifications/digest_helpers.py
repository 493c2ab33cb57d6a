import datetime as dt

from django.utils import timezone

from notifications.run import digest_build_and_send

# A Monday: the weekly run on it covers the week that starts seven days earlier.
RUN_DAY = dt.date(2031, 3, 17)
WEEK_START = dt.date(2031, 3, 10)
RUN_AT = dt.datetime.combine(RUN_DAY, dt.time(6, 30), tzinfo=dt.UTC)


def during_week(days=2):
    return dt.datetime.combine(WEEK_START, dt.time(9), tzinfo=dt.UTC) + dt.timedelta(days=days)


def freeze(time_machine):
    time_machine.move_to(RUN_AT, tick=False)
    assert timezone.now() == RUN_AT


def run_digest(capture, *, period="weekly", period_start=WEEK_START, now=None):
    """A digest run in this process, with what it queues on commit run at once."""
    with capture(execute=True):
        return digest_build_and_send(period=period, period_start=period_start, now=now)
