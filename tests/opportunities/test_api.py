"""`/api/v1/opportunities/`: list and detail, the page's filters, UN staff's writes (topics by
slug from the clusters' vocabulary), and the schema."""

import pytest
from rest_framework.test import APIClient

from core.models import PublicationStatus
from opportunities.models import Opportunity
from tests.api.conftest import error_of
from tests.factories import OpportunityFactory

from .conftest import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_the_list_gives_what_a_client_needs(api, cast, topics):
    cast.fellowship.topics.set([topics.early_warning, topics.governance])
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
    # The vocabulary's order (the topic's `order`), slugs and names side by side.
    assert item["topics"] == ["ow-early-warning", "ow-risk-governance"]
    assert item["topic_names"] == ["Early warning systems", "Risk governance"]
    assert item["eligible_regions"] == ["arab_states"]
    assert item["eligible_countries"] == ["LB"]
    assert item["is_open"] is True
    assert item["places"] == 10
    assert item["url"] == "http://testserver/opportunities/drr-fellowship/"


def test_topic_names_follow_the_requests_language(api, cast, topics):
    topics.early_warning.name_fr = "Systèmes d'alerte précoce"
    topics.early_warning.save()
    cast.fellowship.topics.set([topics.early_warning, topics.governance])

    item = api.get("/api/v1/opportunities/drr-fellowship/?lang=fr").json()

    assert item["topics"] == ["ow-early-warning", "ow-risk-governance"]
    # Governance has no French name yet: its English one, not an empty string.
    assert item["topic_names"] == ["Systèmes d'alerte précoce", "Risk governance"]


def test_the_filters_are_the_pages(api, cast):
    assert slugs(api.get("/api/v1/opportunities/?state=closed")) == ["early-warning-exchange"]
    assert slugs(api.get("/api/v1/opportunities/?kind=fellowship")) == ["drr-fellowship"]
    assert slugs(api.get("/api/v1/opportunities/?cluster=disaster-risk")) == [
        "early-warning-exchange",
        "drr-fellowship",
    ]


def test_the_topic_filter_takes_a_topic_slug(api, cast, topics):
    cast.fellowship.topics.set([topics.governance])
    cast.closed.topics.set([topics.early_warning, topics.governance])

    assert slugs(api.get("/api/v1/opportunities/?topic=ow-early-warning")) == [
        "early-warning-exchange"
    ]
    assert slugs(api.get("/api/v1/opportunities/?topic=ow-risk-governance")) == [
        "early-warning-exchange",
        "drr-fellowship",
    ]
    unknown = api.get("/api/v1/opportunities/?topic=gardening")
    assert unknown.status_code == 400
    assert "topic" in unknown.json()["error"]["fields"]


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


CREATE_STATUS = dict.fromkeys(ROLES, 403) | {"anonymous": 401, "staff": 201}
UPDATE_STATUS = dict.fromkeys(ROLES, 403) | {"anonymous": 401, "staff": 200}


def new_opportunity(cast):
    return {
        "slug": "flood-call",
        "title": "Call for flood early-warning pilots",
        "kind": "call_for_proposals",
        "host_organization": cast.ndrcc.slug,
        "cluster": "disaster-risk",
        "topics": ["ow-early-warning", "ow-risk-governance"],
        "eligible_regions": ["arab_states"],
        "deadline": "2031-03-31T17:00:00Z",
    }


@pytest.mark.parametrize("role", ROLES)
def test_only_un_staff_create_with_topic_slugs(api, cast, topics, role):
    if role != "anonymous":
        api.force_authenticate(getattr(cast, role))

    response = api.post("/api/v1/opportunities/", new_opportunity(cast), format="json")

    assert response.status_code == CREATE_STATUS[role], response.content
    created = Opportunity.objects.filter(slug="flood-call").first()
    if role == "staff":
        assert set(created.topics.all()) == {topics.early_warning, topics.governance}
        assert response.json()["topics"] == ["ow-early-warning", "ow-risk-governance"]
        assert response.json()["topic_names"] == ["Early warning systems", "Risk governance"]
    else:
        assert created is None


@pytest.mark.parametrize("role", ROLES)
def test_only_un_staff_change_the_topics(api, cast, topics, role):
    cast.fellowship.topics.set([topics.governance])
    if role != "anonymous":
        api.force_authenticate(getattr(cast, role))

    response = api.patch(
        "/api/v1/opportunities/drr-fellowship/",
        {"topics": ["ow-early-warning"]},
        format="json",
    )

    assert response.status_code == UPDATE_STATUS[role], response.content
    expected = [topics.early_warning] if role == "staff" else [topics.governance]
    assert list(cast.fellowship.topics.all()) == expected


def test_a_patch_without_topics_keeps_them(api, cast, topics):
    cast.fellowship.topics.set([topics.governance])
    api.force_authenticate(cast.staff)

    response = api.patch("/api/v1/opportunities/drr-fellowship/", {"places": 12}, format="json")

    assert response.status_code == 200, response.content
    assert list(cast.fellowship.topics.all()) == [topics.governance]


def test_an_unknown_topic_slug_is_a_400_naming_it(api, cast, topics):
    api.force_authenticate(cast.staff)
    body = new_opportunity(cast) | {"topics": ["ow-early-warning", "early-warning"]}

    response = api.post("/api/v1/opportunities/", body, format="json")

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"topics": ['No topic has the slug "early-warning".']}
    assert not Opportunity.objects.filter(slug="flood-call").exists()


def test_a_topic_of_another_cluster_is_a_400_naming_it(api, cast, topics):
    api.force_authenticate(cast.staff)

    response = api.patch(
        "/api/v1/opportunities/drr-fellowship/", {"topics": ["ow-urban-farming"]}, format="json"
    )

    assert response.status_code == 400
    (message,) = error_of(response)["fields"]["topics"]
    assert message.startswith("Urban farming: not a topic of the Disaster risk cluster.")
    assert list(cast.fellowship.topics.all()) == []


def test_moving_to_another_cluster_refuses_the_old_clusters_topics(api, cast, topics):
    cast.fellowship.topics.set([topics.governance])
    api.force_authenticate(cast.staff)

    kept = api.patch(
        "/api/v1/opportunities/drr-fellowship/", {"cluster": topics.food.slug}, format="json"
    )
    moved = api.patch(
        "/api/v1/opportunities/drr-fellowship/",
        {"cluster": topics.food.slug, "topics": ["ow-urban-farming"]},
        format="json",
    )

    assert kept.status_code == 400
    assert "Risk governance" in error_of(kept)["fields"]["topics"][0]
    assert moved.status_code == 200, moved.content
    assert moved.json()["topics"] == ["ow-urban-farming"]


def test_the_schema_documents_the_endpoints_and_their_filters(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    listing = schema["paths"]["/api/v1/opportunities/"]["get"]
    assert "/api/v1/opportunities/{slug}/" in schema["paths"]
    assert listing["tags"] == ["opportunities"]
    parameters = {parameter["name"] for parameter in listing["parameters"]}
    assert {"kind", "cluster", "topic", "state", "region"} <= parameters
    assert "tag" not in parameters
    components = schema["components"]["schemas"]
    opportunity = components["Opportunity"]["properties"]
    assert opportunity["topics"]["items"]["type"] == "string"
    assert opportunity["topic_names"]["readOnly"] is True
    assert "post" in schema["paths"]["/api/v1/opportunities/"]
    assert "patch" in schema["paths"]["/api/v1/opportunities/{slug}/"]


def test_an_unknown_country_or_region_is_a_400_naming_the_field(api, cast, topics):
    api.force_authenticate(cast.staff)

    country = api.patch(
        "/api/v1/opportunities/drr-fellowship/", {"eligible_countries": ["XX"]}, format="json"
    )
    region = api.patch(
        "/api/v1/opportunities/drr-fellowship/", {"eligible_regions": ["atlantis"]}, format="json"
    )

    assert country.status_code == 400
    assert "eligible_countries" in error_of(country)["fields"]
    assert region.status_code == 400
    assert "eligible_regions.0" in error_of(region)["fields"]
