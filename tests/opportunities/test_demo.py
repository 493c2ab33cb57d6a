"""`load_demo` gives an open DRR fellowship hosted with NDRCC in Shenzhen and a closed exchange
the demo official was accepted to."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from opportunities.models import Application, ApplicationStatus, Opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_demo_has_an_open_fellowship_and_a_closed_exchange(client):
    call_command("load_demo", stdout=StringIO())

    fellowship = Opportunity.objects.published().get(slug="shenzhen-drr-fellowship-2027")
    assert fellowship.kind == "fellowship"
    assert fellowship.host_organization.acronym == "NDRCC"
    assert fellowship.host_city.slug == "shenzhen"
    assert fellowship.cluster.slug == "disaster-risk-reduction"
    assert fellowship.deadline > timezone.make_aware(dt.datetime(2026, 11, 28))
    assert "arab_states" in fellowship.eligible_regions
    closed = Opportunity.objects.published().get(slug="early-warning-expert-exchange-2025")
    assert not closed.is_open
    for row in Opportunity.objects.filter(is_demo=True):
        row.full_clean()

    page = client.get("/opportunities/?state=open").content.decode()
    assert "Disaster risk reduction fellowship in Shenzhen, 2027" in page

    official = Application.objects.get()
    assert official.applicant.email == "official@example.org"
    assert official.status == ApplicationStatus.ACCEPTED
    assert [c.to_status for c in official.status_changes.all()] == [
        "submitted",
        "under_review",
        "accepted",
    ]


def test_the_demo_official_can_apply_to_the_fellowship_and_see_the_status(client):
    from accounts.models import User

    call_command("load_demo", stdout=StringIO())
    official = User.objects.get(email="official@example.org")
    client.force_login(official)
    apply = "/opportunities/shenzhen-drr-fellowship-2027/apply/"

    form = client.get(apply)
    response = client.post(
        apply,
        {
            "motivation": "Tripoli needs risk governance and early warning.",
            "city": official.city_id,
            "organization": official.organization_id,
        },
    )

    assert form.status_code == 200
    assert response.status_code == 302
    mine = client.get("/opportunities/applications/").content.decode()
    assert "Disaster risk reduction fellowship in Shenzhen, 2027" in mine


def test_the_demo_application_is_dated_when_it_was_sent_and_decided():
    call_command("load_demo", stdout=StringIO())

    application = Application.objects.get()
    assert application.created_at.date() == dt.date(2025, 9, 12)
    assert application.decided_at.date() == dt.date(2025, 10, 20)
    assert [c.created_at.date() for c in application.status_changes.all()] == [
        dt.date(2025, 9, 12),
        dt.date(2025, 10, 6),
        dt.date(2025, 10, 20),
    ]
