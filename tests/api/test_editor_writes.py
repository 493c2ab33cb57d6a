"""UN staff create and change projects, events, training series and resources; nobody else can."""

import pytest

from events.models import Event, TrainingSeries
from projects.models import Project
from resources.models import Resource
from tests.api.conftest import ROLES, error_of
from tests.factories import (
    EventFactory,
    OrganizationFactory,
    ProjectFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

pytestmark = pytest.mark.django_db

CREATE_STATUS = dict.fromkeys(ROLES, 403) | {"anonymous": 401, "staff": 201}
UPDATE_STATUS = dict.fromkeys(ROLES, 403) | {"anonymous": 401, "staff": 200}


def new_project(cast):
    OrganizationFactory(slug="undp-test")
    return {
        "slug": "lima-quito",
        "title": "Lima–Quito pilot",
        "kind": "pilot",
        "phase": "planned",
        "status": "published",
        "clusters": ["disaster-risk-reduction"],
        "cities": [
            {"slug": cast.city.slug, "role": "learning"},
            {"slug": cast.other_city.slug, "role": "sharing"},
        ],
        "partners": [{"slug": "undp-test", "role": "implementing"}],
        "tags": ["flood"],
    }


def new_event(cast):
    return {
        "slug": "drr-workshop",
        "title": "DRR workshop",
        "kind": "workshop",
        "format": "hybrid",
        "starts_at": "2031-09-05T09:00:00Z",
        "ends_at": "2031-09-06T17:00:00Z",
        "city": cast.city.slug,
        "capacity": 40,
        "languages": ["en", "ar"],
        "cohosts": [{"slug": OrganizationFactory(slug="geti").slug, "role": "co_host"}],
    }


def new_series(cast):
    return {"slug": "online-2031", "title": "Online series 2031", "start_year": 2031}


def new_resource(cast):
    return {"slug": "visit-news", "title": "The visit", "kind": "news", "cities": [cast.city.slug]}


WRITABLE = [
    ("projects", Project, new_project, ProjectFactory),
    ("events", Event, new_event, EventFactory),
    ("training-series", TrainingSeries, new_series, TrainingSeriesFactory),
    ("resources", Resource, new_resource, ResourceFactory),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("endpoint", "model", "payload", "factory"), WRITABLE)
def test_it_lets_only_un_staff_create(cast, role, endpoint, model, payload, factory):
    body = payload(cast)
    before = model.objects.count()

    response = cast.client_for(role).post(f"/api/v1/{endpoint}/", body, format="json")

    assert response.status_code == CREATE_STATUS[role], response.content
    if response.status_code == 201:
        assert model.objects.get(slug=body["slug"])
        assert response.json()["slug"] == body["slug"]
    else:
        assert model.objects.count() == before
        assert error_of(response)["code"] in {"not_authenticated", "permission_denied"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("endpoint", "model", "payload", "factory"), WRITABLE)
def test_it_lets_only_un_staff_update(cast, role, endpoint, model, payload, factory):
    row = factory(title="Before")

    response = cast.client_for(role).patch(
        f"/api/v1/{endpoint}/{row.slug}/", {"title": "After"}, format="json"
    )

    row.refresh_from_db()
    assert response.status_code == UPDATE_STATUS[role], response.content
    assert row.title == ("After" if role == "staff" else "Before")


def test_it_creates_a_pilot_with_its_cities_partners_and_clusters_in_one_call(cast):
    response = cast.client_for("staff").post("/api/v1/projects/", new_project(cast), format="json")

    assert response.status_code == 201
    project = Project.objects.get(slug="lima-quito")
    assert {(link.city.slug, link.role) for link in project.city_links.all()} == {
        ("tripoli", "learning"),
        ("shenzhen", "sharing"),
    }
    assert project.published_at is not None  # published without a date means now
    assert response.json()["partners"][0]["slug"] == "undp-test"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"slug": "taken"}, "slug"),
        ({"cities": [{"slug": "nowhere", "role": "learning"}]}, "cities.0.slug"),
        ({"cities": [{"role": "learning"}]}, "cities.0.slug"),
        ({"start_date": "2024-01-01", "end_date": "2023-01-01"}, "non_field_errors"),
        ({"parent": "no-such-programme"}, "parent"),
        ({"phase": "dormant"}, "phase"),
    ],
)
def test_it_answers_invalid_project_changes_with_field_errors(cast, change, field):
    ProjectFactory(slug="taken")
    project = ProjectFactory(slug="mine")

    response = cast.client_for("staff").patch("/api/v1/projects/mine/", change, format="json")

    assert response.status_code == 400
    assert field in error_of(response)["fields"]
    project.refresh_from_db()
    assert project.slug == "mine"


def test_it_refuses_an_event_that_ends_before_it_starts(cast):
    body = new_event(cast) | {"ends_at": "2031-09-01T00:00:00Z"}

    response = cast.client_for("staff").post("/api/v1/events/", body, format="json")

    assert response.status_code == 400
    assert not Event.objects.filter(slug="drr-workshop").exists()
