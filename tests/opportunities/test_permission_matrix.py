"""Every write path of opportunities, for each member of the cast.

The application in these tests is the partner's, so "other partner" is someone of the same role
who is not its applicant. A person who may not see an application gets 404 (its existence is
not theirs to know); one who sees it but may not take the action gets 403.
"""

import pytest

from core.models import PublicationStatus
from opportunities.models import Application, ApplicationStatus, Opportunity
from tests.factories import ApplicationFactory

from .conftest import PDF, ROLES

pytestmark = pytest.mark.django_db

LOGIN = "login"


def outcome(response) -> int | str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.fixture
def application(cast):
    from django.core.files.base import ContentFile

    application = ApplicationFactory(
        opportunity=cast.fellowship, applicant=cast.partner, document_name="cv.pdf"
    )
    application.document.save("cv.pdf", ContentFile(PDF))
    return application


APPLY = {"anonymous": LOGIN, "official": 302, "partner": 302, "other_partner": 302, "staff": 302}


@pytest.mark.parametrize("role", ROLES)
def test_apply(cast, role):
    response = cast.client_for(role).post(
        "/opportunities/drr-fellowship/apply/", {"motivation": "I would like to learn."}
    )

    assert outcome(response) == APPLY[role]
    applied = Application.objects.filter(opportunity=cast.fellowship).exists()
    assert applied == (role != "anonymous")


WITHDRAW = {"anonymous": LOGIN, "official": 404, "partner": 302, "other_partner": 404, "staff": 403}


@pytest.mark.parametrize("role", ROLES)
def test_withdraw(cast, application, role):
    response = cast.client_for(role).post(f"/opportunities/applications/{application.pk}/withdraw/")

    assert outcome(response) == WITHDRAW[role]
    application.refresh_from_db()
    withdrawn = application.status == ApplicationStatus.WITHDRAWN
    assert withdrawn == (role == "partner")


REVIEW = {"anonymous": LOGIN, "official": 404, "partner": 403, "other_partner": 404, "staff": 302}


@pytest.mark.parametrize("role", ROLES)
def test_review(cast, application, role):
    response = cast.client_for(role).post(
        f"/opportunities/applications/{application.pk}/review/", {"to_status": "under_review"}
    )

    assert outcome(response) == REVIEW[role]
    application.refresh_from_db()
    assert (application.status == ApplicationStatus.UNDER_REVIEW) == (role == "staff")


def test_the_applicant_who_is_staff_still_cannot_review_through_the_service(cast):
    from opportunities import services

    with pytest.raises(services.NotAllowed):
        services.application_review(
            application=ApplicationFactory(opportunity=cast.fellowship, applicant=cast.official),
            actor=cast.partner,
            to_status=ApplicationStatus.ACCEPTED,
        )


EDIT = {"anonymous": LOGIN, "official": 404, "partner": 302, "other_partner": 404, "staff": 403}


@pytest.mark.parametrize("role", ROLES)
def test_change_an_application(cast, application, role):
    response = cast.client_for(role).post(
        f"/opportunities/applications/{application.pk}/edit/", {"motivation": "Changed"}
    )

    assert outcome(response) == EDIT[role]
    application.refresh_from_db()
    assert (application.motivation == "Changed") == (role == "partner")


READ = {"anonymous": LOGIN, "official": 404, "partner": 200, "other_partner": 404, "staff": 200}


@pytest.mark.parametrize("role", ROLES)
def test_read_an_application_and_its_document(cast, application, role):
    client = cast.client_for(role)
    page = client.get(f"/opportunities/applications/{application.pk}/")
    document = client.get(f"/opportunities/applications/{application.pk}/document/")

    assert outcome(page) == READ[role]
    assert outcome(document) == READ[role]
    if READ[role] == 200:
        assert b"".join(document.streaming_content) == PDF
        assert 'filename="cv.pdf"' in document["Content-Disposition"]


QUEUE = {"anonymous": LOGIN, "official": 403, "partner": 403, "other_partner": 403, "staff": 200}


@pytest.mark.parametrize("role", ROLES)
def test_the_review_queue(cast, application, role):
    response = cast.client_for(role).get("/opportunities/applications/review/")

    assert outcome(response) == QUEUE[role]
    if role == "staff":
        assert cast.partner.email in response.content.decode() or str(cast.partner) in (
            response.content.decode()
        )


EDITORS_ONLY = {
    "anonymous": LOGIN,
    "official": 403,
    "partner": 403,
    "other_partner": 403,
    "staff": 200,
}


def new_opportunity_data(cast, **changes):
    return {
        "title": "Flood modelling call",
        "slug": "",
        "kind": "call_for_proposals",
        "summary": "",
        "description": "",
        "host_organization": cast.ndrcc.pk,
        "host_city": "",
        "cluster": cast.cluster.pk,
        "topics": [],
        "eligible_countries": ["LB", "EG"],
        "deadline": "2031-05-01T17:00",
        "places": "3",
        "how_to_apply": "",
        "action": "save",
        **changes,
    }


@pytest.mark.parametrize("role", ROLES)
def test_create_an_opportunity(cast, topics, role):
    client = cast.client_for(role)
    chosen = [topics.early_warning.pk, topics.governance.pk]

    page = client.get("/opportunities/new/")
    response = client.post("/opportunities/new/", new_opportunity_data(cast, topics=chosen))

    assert outcome(page) == EDITORS_ONLY[role]
    created = Opportunity.objects.filter(title="Flood modelling call").first()
    assert (created is not None) == (role == "staff")
    if created:
        assert outcome(response) == 302
        assert created.status == PublicationStatus.DRAFT
        assert set(created.topics.all()) == {topics.early_warning, topics.governance}
        assert [country.code for country in created.eligible_countries] == ["EG", "LB"]
    else:
        assert outcome(response) == EDITORS_ONLY[role]


@pytest.mark.parametrize("role", ROLES)
def test_edit_publish_and_unpublish_an_opportunity(cast, role):
    client = cast.client_for(role)
    edit = "/opportunities/drr-fellowship/edit/"

    page = client.get(edit)
    client.post(edit, new_opportunity_data(cast, title="Renamed", slug="drr-fellowship"))
    unpublish = client.post("/opportunities/drr-fellowship/unpublish/")

    assert outcome(page) == EDITORS_ONLY[role]
    cast.fellowship.refresh_from_db()
    assert (cast.fellowship.title == "Renamed") == (role == "staff")
    assert (cast.fellowship.status == PublicationStatus.DRAFT) == (role == "staff")
    if role != "staff":
        assert outcome(unpublish) in (LOGIN, 403)
        return
    client.post("/opportunities/drr-fellowship/publish/")
    cast.fellowship.refresh_from_db()
    assert cast.fellowship.status == PublicationStatus.PUBLISHED


def test_an_opportunity_without_a_host_is_refused_with_a_message(cast):
    response = cast.client_for("staff").post(
        "/opportunities/new/", new_opportunity_data(cast, host_organization="")
    )

    assert response.status_code == 400
    assert "Name a host organization, a host city or both." in response.content.decode()


def test_the_preview_of_a_draft_shows_it_in_the_public_layout(cast):
    cast.fellowship.status = PublicationStatus.DRAFT
    cast.fellowship.published_at = None
    cast.fellowship.save()

    response = cast.client_for("staff").get("/opportunities/drr-fellowship/preview/")

    assert response.status_code == 200
    assert "Disaster risk governance fellowship" in response.content.decode()
    cast.fellowship.refresh_from_db()
    assert cast.fellowship.status == PublicationStatus.DRAFT
