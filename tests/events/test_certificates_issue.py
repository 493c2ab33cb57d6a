"""Attending the required sessions of a certified series issues one certificate, never two."""

import datetime as dt

import pytest
from django.utils import timezone

from events.certificates import certificate_issue_if_earned
from events.models import Certificate, RegistrationStatus
from events.services import registration_mark_attendance
from tests.factories import EventFactory, RegistrationFactory, TrainingSeriesFactory, UserFactory

pytestmark = pytest.mark.django_db


def sessions(series, count):
    start = timezone.now() - dt.timedelta(days=30)
    return [
        EventFactory(
            series=series,
            starts_at=start + dt.timedelta(days=index),
            ends_at=start + dt.timedelta(days=index, hours=2),
        )
        for index in range(count)
    ]


def attend(user, events):
    results = []
    for event in events:
        registration = RegistrationFactory(user=user, event=event)
        results.append(registration_mark_attendance(registration=registration, attended=True))
    return results


def test_it_issues_the_certificate_when_every_session_is_attended_and_the_series_asks_all():
    series = TrainingSeriesFactory(sessions_required_for_certificate=0)
    events = sessions(series, 3)
    user = UserFactory()

    results = attend(user, events)

    assert [certificate is not None for _registration, certificate in results] == [
        False,
        False,
        True,
    ]
    assert Certificate.objects.filter(user=user, series=series).count() == 1


def test_it_issues_after_the_required_number_when_the_series_sets_one():
    series = TrainingSeriesFactory(sessions_required_for_certificate=2)
    events = sessions(series, 4)
    user = UserFactory()

    attend(user, events[:1])
    assert not Certificate.objects.exists()
    attend(user, events[1:2])
    assert Certificate.objects.filter(user=user, series=series).count() == 1


def test_it_never_issues_twice_even_when_asked_again():
    series = TrainingSeriesFactory(sessions_required_for_certificate=1)
    (event,) = sessions(series, 1)
    user = UserFactory()
    RegistrationFactory(user=user, event=event, status=RegistrationStatus.ATTENDED)

    first, created_first = certificate_issue_if_earned(user=user, series=series)
    again, created_again = certificate_issue_if_earned(user=user, series=series)

    assert (created_first, created_again) == (True, False)
    assert first == again
    assert Certificate.objects.count() == 1


def test_it_keeps_the_certificate_when_attendance_is_undone_and_redone():
    series = TrainingSeriesFactory(sessions_required_for_certificate=1)
    (event,) = sessions(series, 1)
    user = UserFactory()
    ((registration, _certificate),) = attend(user, [event])
    code = Certificate.objects.get().verification_code

    registration_mark_attendance(registration=registration, attended=False)
    _registration, certificate = registration_mark_attendance(
        registration=registration, attended=True
    )

    assert certificate is None  # not issued again
    assert list(Certificate.objects.values_list("verification_code", flat=True)) == [code]


def test_it_issues_nothing_for_a_series_that_is_not_certified():
    series = TrainingSeriesFactory(is_certified=False, sessions_required_for_certificate=1)
    user = UserFactory()

    attend(user, sessions(series, 1))

    assert not Certificate.objects.exists()
