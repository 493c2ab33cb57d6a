"""Recording the requirement in the admin follows the same rule as the staff page."""

import datetime as dt

import pytest
from django.utils import timezone

from events.models import Certificate, FinalRequirementCompletion, RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory, TrainingSeriesFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_adding_a_completion_in_the_admin_issues_the_earned_certificate(admin_client, admin_user):
    series = TrainingSeriesFactory(
        sessions_required_for_certificate=1, final_requirement="Submit a city action plan"
    )
    start = timezone.now() - dt.timedelta(days=2)
    event = EventFactory(series=series, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    user = UserFactory(name="Amina Haddad")
    RegistrationFactory(user=user, event=event, status=RegistrationStatus.ATTENDED)

    response = admin_client.post(
        "/admin/events/finalrequirementcompletion/add/",
        {
            "series": series.pk,
            "user": user.pk,
            "completed_at_0": timezone.now().strftime("%Y-%m-%d"),
            "completed_at_1": timezone.now().strftime("%H:%M:%S"),
            "note": "",
        },
        follow=True,
    )

    assert FinalRequirementCompletion.objects.get().recorded_by == admin_user
    assert Certificate.objects.filter(user=user, series=series).exists()
    assert "their certificate is issued" in response.content.decode()
