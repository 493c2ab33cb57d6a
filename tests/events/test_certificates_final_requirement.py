"""A series' end-of-course requirement: the certificate waits for it, whichever step comes last."""

import datetime as dt

import pytest
from django.utils import timezone

from events.certificates import certificate_issue_if_earned
from events.models import Certificate, FinalRequirementCompletion, RegistrationStatus
from events.services import (
    FinalRequirementRefused,
    final_requirement_mark,
    registration_mark_attendance,
)
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    StaffUserFactory,
    TrainingSeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REQUIREMENT = "Submit a city action plan reviewed by the trainers"


def past_sessions(series, count):
    start = timezone.now() - dt.timedelta(days=30)
    return [
        EventFactory(
            series=series,
            starts_at=start + dt.timedelta(days=index),
            ends_at=start + dt.timedelta(days=index, hours=2),
        )
        for index in range(count)
    ]


def attend_all(user, events):
    results = []
    for event in events:
        registration = RegistrationFactory(user=user, event=event)
        results.append(registration_mark_attendance(registration=registration, attended=True))
    return results


def mark(series, user, *, completed=True):
    return final_requirement_mark(
        series=series, user=user, completed=completed, recorded_by=StaffUserFactory()
    )


def test_it_withholds_the_certificate_while_the_requirement_is_unmet():
    series = TrainingSeriesFactory(
        sessions_required_for_certificate=2, final_requirement=REQUIREMENT
    )
    user = UserFactory()

    results = attend_all(user, past_sessions(series, 2))

    assert [certificate for _registration, certificate in results] == [None, None]
    assert certificate_issue_if_earned(user=user, series=series) == (None, False)
    assert not Certificate.objects.exists()


def test_it_issues_the_certificate_the_moment_staff_mark_the_requirement():
    series = TrainingSeriesFactory(
        sessions_required_for_certificate=2, final_requirement=REQUIREMENT
    )
    user = UserFactory()
    attend_all(user, past_sessions(series, 2))
    staff = StaffUserFactory()

    completion, certificate = final_requirement_mark(
        series=series, user=user, completed=True, recorded_by=staff, note="Plan for Tripoli"
    )

    assert certificate == Certificate.objects.get(user=user, series=series)
    assert (completion.recorded_by, completion.note) == (staff, "Plan for Tripoli")


def test_it_issues_the_certificate_when_attendance_completes_after_the_mark():
    series = TrainingSeriesFactory(
        sessions_required_for_certificate=2, final_requirement=REQUIREMENT
    )
    user = UserFactory()
    first, second = past_sessions(series, 2)
    attend_all(user, [first])
    last_session = RegistrationFactory(user=user, event=second)

    _completion, certificate = mark(series, user)
    assert certificate is None
    _registration, certificate = registration_mark_attendance(
        registration=last_session, attended=True
    )

    assert certificate == Certificate.objects.get(user=user, series=series)


def test_it_never_issues_twice_when_marked_again_or_attendance_is_redone():
    series = TrainingSeriesFactory(
        sessions_required_for_certificate=1, final_requirement=REQUIREMENT
    )
    user = UserFactory()
    ((registration, _none),) = attend_all(user, past_sessions(series, 1))
    _completion, first = mark(series, user)

    _completion, again = mark(series, user)
    _registration, after_attendance = registration_mark_attendance(
        registration=registration, attended=True
    )

    assert first is not None
    assert (again, after_attendance) == (None, None)
    assert Certificate.objects.count() == 1
    assert FinalRequirementCompletion.objects.count() == 1


def test_unmarking_keeps_the_certificate_but_forgets_the_completion():
    series = TrainingSeriesFactory(
        sessions_required_for_certificate=1, final_requirement=REQUIREMENT
    )
    user = UserFactory()
    attend_all(user, past_sessions(series, 1))
    _completion, certificate = mark(series, user)

    completion, issued = mark(series, user, completed=False)

    assert (completion, issued) == (None, None)
    assert not FinalRequirementCompletion.objects.exists()
    assert list(Certificate.objects.all()) == [certificate]
    # The history keeps who recorded the completion and that it was removed.
    assert [record.history_type for record in FinalRequirementCompletion.history.all()] == [
        "-",
        "+",
    ]


def test_a_series_without_a_requirement_issues_on_attendance_alone():
    series = TrainingSeriesFactory(sessions_required_for_certificate=2, final_requirement="")
    user = UserFactory()

    results = attend_all(user, past_sessions(series, 2))

    assert results[-1][1] == Certificate.objects.get(user=user, series=series)


def test_it_refuses_to_mark_a_series_that_has_no_requirement():
    series = TrainingSeriesFactory(final_requirement="")
    user = UserFactory()
    RegistrationFactory(user=user, event=past_sessions(series, 1)[0])

    with pytest.raises(FinalRequirementRefused, match="no end-of-course requirement"):
        mark(series, user)
    assert not FinalRequirementCompletion.objects.exists()


@pytest.mark.parametrize(
    "status", [None, RegistrationStatus.CANCELLED, RegistrationStatus.WAITLISTED]
)
def test_it_refuses_someone_without_a_seat_in_the_series(status):
    series = TrainingSeriesFactory(final_requirement=REQUIREMENT)
    (event,) = past_sessions(series, 1)
    user = UserFactory(name="Amina Haddad")
    if status:
        RegistrationFactory(user=user, event=event, status=status)
    RegistrationFactory(user=user)  # a seat in some other event does not count

    with pytest.raises(FinalRequirementRefused, match="Amina Haddad is not registered"):
        mark(series, user)
    assert not FinalRequirementCompletion.objects.exists()


def test_a_requirement_added_later_does_not_revoke_earlier_certificates():
    series = TrainingSeriesFactory(sessions_required_for_certificate=1)
    user = UserFactory()
    attend_all(user, past_sessions(series, 1))
    certificate = Certificate.objects.get()

    series.final_requirement = REQUIREMENT
    series.save()

    assert certificate_issue_if_earned(user=user, series=series) == (certificate, False)
