"""Partners: organizations by kind, and each one's pilots, events, training series and resources."""

import pytest

from accounts.models import OrganizationKind
from core.models import PublicationStatus
from events.models import CoHostRole
from projects.models import ProjectPartnerRole
from tests.factories import (
    EventCoHostFactory,
    EventFactory,
    OrganizationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def undp():
    return OrganizationFactory(
        name="United Nations Development Programme",
        acronym="UNDP",
        slug="undp",
        kind=OrganizationKind.UN_ENTITY,
    )


def test_it_lists_organizations_with_their_kind_and_counts(client, undp):
    ProjectPartnerFactory(organization=undp, project=ProjectFactory())
    ProjectPartnerFactory(
        organization=undp, project=ProjectFactory(status=PublicationStatus.DRAFT, published_at=None)
    )
    response = client.get("/partners/")
    assert response.status_code == 200
    assert 'href="/partners/undp/"' in response.text
    assert "United Nations Development Programme (UNDP)" in response.text
    assert "UN entity" in response.text
    assert "1 pilot" in response.text


def test_it_filters_partners_by_kind(client, undp):
    OrganizationFactory(name="Research centre", kind=OrganizationKind.RESEARCH)
    response = client.get("/partners/?kind=research")
    assert "Research centre" in response.text
    assert "UNDP" not in response.text


def test_it_shows_the_form_error_for_an_unknown_kind(client, undp):
    response = client.get("/partners/?kind=pirates")
    assert response.status_code == 200
    assert "Some filters could not be used" in response.text
    assert "UNDP" in response.text


def test_it_says_so_when_no_partner_matches(client):
    response = client.get("/partners/?kind=private")
    assert "No organization matches this filter." in response.text


def test_it_shows_a_partners_pilots_events_series_and_resources_with_roles(client, undp):
    ProjectPartnerFactory(
        organization=undp,
        project=ProjectFactory(title="Lebanon pilot"),
        role=ProjectPartnerRole.IMPLEMENTING,
    )
    ProjectPartnerFactory(
        organization=undp,
        project=ProjectFactory(
            title="Draft pilot", status=PublicationStatus.DRAFT, published_at=None
        ),
    )
    EventCoHostFactory(
        organization=undp, event=EventFactory(title="Capacity days"), role=CoHostRole.ORGANIZER
    )
    TrainingSeriesFactory(title="Online resilience series").organizers.add(undp)
    ResourceFactory(title="Lessons from Tripoli").organizations.add(undp)

    response = client.get("/partners/undp/")

    assert response.status_code == 200
    pilots = response.text.split('id="pilots-heading"')[1].split("</section>")[0]
    events = response.text.split('id="events-heading"')[1].split("</section>")[0]
    assert "Lebanon pilot" in pilots
    assert "Implementing partner" in pilots
    assert "Draft pilot" not in response.text
    assert "Capacity days" in events
    assert "Organizer" in events
    assert "Online resilience series" in response.text
    assert "Lessons from Tripoli" in response.text


def test_it_shows_empty_states_for_a_new_partner(client, undp):
    response = client.get("/partners/undp/")
    assert "This organization is not in a published pilot yet." in response.text
    assert "No training series organized yet." in response.text


def test_it_answers_404_for_an_unknown_partner(client):
    assert client.get("/partners/nobody/").status_code == 404
