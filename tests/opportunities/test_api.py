"""`/api/v1/opportunities/`: read-only list and detail, the page's filters, and the schema."""

import pytest
from rest_framework.test import APIClient

from core.models import PublicationStatus
from tests.factories import OpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_the_list_gives_what_a_client_needs(api, cast):
    cast.fellowship.tags.set(["early warning"])
    cast.fellowship.eligible_regions = ["arab_states"]
    cast.fellowship.eligible_countries = ["LB"]
    cast.fellowship.save()

    body = api.get("/api/v1/opportunities/?state=open").json()

    (item,) = body["results"]
    assert item["slug"] == "drr-fellowship"
    assert item["kind"] == "fellowship"
    assert item["host_organization"] == cast.ndrcc.slug
    assert item["host_city"] == "shenzhen"
    assert item["cluster"] == "disaster-risk"
    assert item["topics"] == ["early warning"]
    assert item["eligible_regions"] == ["arab_states"]
    assert item["eligible_countries"] == ["LB"]
    assert item["is_open"] is True
    assert item["places"] == 10
    assert item["url"] == "http://testserver/opportunities/drr-fellowship/"


def test_the_filters_are_the_pages(api, cast):
    assert slugs(api.get("/api/v1/opportunities/?state=closed")) == ["early-warning-exchange"]
    assert slugs(api.get("/api/v1/opportunities/?kind=fellowship")) == ["drr-fellowship"]
    assert slugs(api.get("/api/v1/opportunities/?cluster=disaster-risk")) == [
        "early-warning-exchange",
        "drr-fellowship",
    ]


def test_a_bad_filter_value_is_a_400_naming_it(api, cast):
    response = api.get("/api/v1/opportunities/?state=maybe")

    assert response.status_code == 400
    assert "state" in response.content.decode()


def test_drafts_are_for_staff_only(api, cast):
    OpportunityFactory(slug="draft-call", status=PublicationStatus.DRAFT, published_at=None)

    assert "draft-call" not in slugs(api.get("/api/v1/opportunities/"))
    assert api.get("/api/v1/opportunities/draft-call/").status_code == 404
    api.force_authenticate(cast.staff)
    assert api.get("/api/v1/opportunities/draft-call/").json()["status"] == "draft"


@pytest.mark.parametrize("role", ["anonymous", "official", "partner", "staff"])
def test_nobody_writes_through_the_api(api, cast, role):
    if role != "anonymous":
        api.force_authenticate(getattr(cast, role))

    created = api.post("/api/v1/opportunities/", {"title": "x"}, format="json")
    changed = api.patch("/api/v1/opportunities/drr-fellowship/", {"title": "x"}, format="json")

    assert created.status_code in (401, 403, 405)
    assert changed.status_code in (401, 403, 405)
    cast.fellowship.refresh_from_db()
    assert cast.fellowship.title == "Disaster risk governance fellowship"


def test_the_schema_documents_the_endpoints_and_their_filters(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    listing = schema["paths"]["/api/v1/opportunities/"]["get"]
    assert "/api/v1/opportunities/{slug}/" in schema["paths"]
    assert listing["tags"] == ["opportunities"]
    parameters = {parameter["name"] for parameter in listing["parameters"]}
    assert {"kind", "cluster", "state", "region", "tag"} <= parameters
