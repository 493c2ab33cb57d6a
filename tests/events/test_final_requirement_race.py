"""Marking the requirement while the last attendance is being marked still issues the certificate."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from events.models import Certificate, RegistrationStatus
from events.services import final_requirement_mark, registration_mark_attendance
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    StaffUserFactory,
    TrainingSeriesFactory,
    UserFactory,
)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("first", ["attendance", "requirement"])
def test_neither_of_two_simultaneous_marks_misses_the_certificate(first):
    series = TrainingSeriesFactory(
        sessions_required_for_certificate=2, final_requirement="Submit a city action plan"
    )
    start = timezone.now() - dt.timedelta(days=3)
    sessions = [
        EventFactory(series=series, starts_at=start, ends_at=start + dt.timedelta(hours=2))
        for _ in range(2)
    ]
    user = UserFactory(password=None)
    staff = StaffUserFactory(password=None)
    RegistrationFactory(user=user, event=sessions[0], status=RegistrationStatus.ATTENDED)
    last = RegistrationFactory(user=user, event=sessions[1])
    steps = {
        "attendance": lambda: registration_mark_attendance(registration=last, attended=True),
        "requirement": lambda: final_requirement_mark(
            series=series, user=user, completed=True, recorded_by=staff
        ),
    }
    second = "requirement" if first == "attendance" else "attendance"
    first_wrote = threading.Event()
    errors = []

    def run_first():
        try:
            # Written but not committed while the other mark runs.
            with transaction.atomic():
                steps[first]()
                first_wrote.set()
                time.sleep(0.5)
        except Exception as error:  # surfaced in the main thread below
            errors.append(error)
            first_wrote.set()
        finally:
            connection.close()

    def run_second():
        try:
            first_wrote.wait()
            steps[second]()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Certificate.objects.filter(user=user, series=series).count() == 1
