"""Every editorial page and action, for each member of the cast; refusals change nothing."""

import pytest
from django.urls import reverse

from core.models import PublicationStatus
from projects.models import Project
from resources.models import Resource, ReviewState
from tests.factories import (
    EventFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

from .conftest import EDITORS_ONLY, ROLES

DRAFT = {"status": PublicationStatus.DRAFT, "published_at": None}


@pytest.fixture
def content(db, cast, tripoli, cluster):
    project = ProjectFactory(slug="draft-pilot", **DRAFT)
    return {
        "project": project,
        "update": ProjectUpdateFactory(project=project, **DRAFT),
        "event": EventFactory(slug="draft-event", **DRAFT),
        "series": TrainingSeriesFactory(slug="draft-series", **DRAFT),
        "resource": ResourceFactory(slug="draft-resource", **DRAFT),
        "proposal": ResourceFactory(
            slug="tripoli-proposal",
            review_state=ReviewState.PROPOSED,
            proposed_by=cast["official_here"],
            **DRAFT,
        ),
        "cluster": cluster,
        "city": tripoli,
    }


def _update_kwargs(content):
    return {"slug": content["project"].slug, "pk": content["update"].pk}


EDITOR_PAGES = [
    ("projects:create", lambda c: {}),
    ("projects:edit", lambda c: {"slug": c["project"].slug}),
    ("projects:preview", lambda c: {"slug": c["project"].slug}),
    ("projects:history", lambda c: {"slug": c["project"].slug}),
    ("projects:update-create", lambda c: {"slug": c["project"].slug}),
    ("projects:update-edit", _update_kwargs),
    ("projects:update-preview", _update_kwargs),
    ("projects:update-history", _update_kwargs),
    ("events:create", lambda c: {}),
    ("events:edit", lambda c: {"slug": c["event"].slug}),
    ("events:preview", lambda c: {"slug": c["event"].slug}),
    ("events:history", lambda c: {"slug": c["event"].slug}),
    ("events:series-create", lambda c: {}),
    ("events:series-edit", lambda c: {"slug": c["series"].slug}),
    ("events:series-preview", lambda c: {"slug": c["series"].slug}),
    ("events:series-history", lambda c: {"slug": c["series"].slug}),
    ("resources:create", lambda c: {}),
    ("resources:edit", lambda c: {"slug": c["resource"].slug}),
    ("resources:preview", lambda c: {"slug": c["resource"].slug}),
    ("resources:history", lambda c: {"slug": c["resource"].slug}),
    ("editor-desk", lambda c: {}),
    ("resources:review", lambda c: {}),
    ("editor-tags", lambda c: {}),
    ("clusters:edit", lambda c: {"slug": c["cluster"].slug}),
    ("clusters:history", lambda c: {"slug": c["cluster"].slug}),
]


def _check(response, expected):
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "kwargs"), EDITOR_PAGES, ids=[p[0] for p in EDITOR_PAGES])
def test_it_opens_editor_pages_to_editors_only(client_for, content, role, name, kwargs):
    response = client_for(role).get(reverse(name, kwargs=kwargs(content)))

    _check(response, EDITORS_ONLY[role])


PUBLISH_ACTIONS = [
    ("projects:publish", "project", lambda c: {"slug": c["project"].slug}),
    ("events:publish", "event", lambda c: {"slug": c["event"].slug}),
    ("events:series-publish", "series", lambda c: {"slug": c["series"].slug}),
    ("resources:publish", "resource", lambda c: {"slug": c["resource"].slug}),
    ("resources:review-publish", "proposal", lambda c: {"pk": c["proposal"].pk}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "key", "kwargs"), PUBLISH_ACTIONS, ids=[a[0] for a in PUBLISH_ACTIONS]
)
def test_it_lets_only_editors_publish(client_for, content, notified, role, name, key, kwargs):
    response = client_for(role).post(reverse(name, kwargs=kwargs(content)))

    obj = content[key]
    obj.refresh_from_db()
    if EDITORS_ONLY[role] == 200:
        assert response.status_code == 302
        assert obj.status == PublicationStatus.PUBLISHED
    else:
        _check(response, EDITORS_ONLY[role])
        assert obj.status == PublicationStatus.DRAFT
        assert notified == []


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_editors_unpublish(client_for, content, role):
    project = ProjectFactory(slug="live-pilot")

    response = client_for(role).post(reverse("projects:unpublish", kwargs={"slug": "live-pilot"}))

    project.refresh_from_db()
    if EDITORS_ONLY[role] == 200:
        assert project.status == PublicationStatus.DRAFT
    else:
        _check(response, EDITORS_ONLY[role])
        assert project.status == PublicationStatus.PUBLISHED


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_editors_return_proposals(client_for, content, role):
    proposal = content["proposal"]

    response = client_for(role).post(
        reverse("resources:review-return", kwargs={"pk": proposal.pk}), {"comment": "Add data"}
    )

    proposal.refresh_from_db()
    if EDITORS_ONLY[role] == 200:
        assert proposal.review_state == ReviewState.RETURNED
    else:
        _check(response, EDITORS_ONLY[role])
        assert proposal.review_state == ReviewState.PROPOSED
        assert proposal.review_comment == ""


@pytest.mark.parametrize("role", ROLES)
def test_it_creates_projects_only_for_editors(client_for, content, role):
    before = Project.objects.count()

    response = client_for(role).post(
        reverse("projects:create"),
        {"kind": "pilot", "title": "Sneaky pilot", "phase": "planned"},
    )

    if EDITORS_ONLY[role] != 200:
        _check(response, EDITORS_ONLY[role])
        assert Project.objects.count() == before


CITY_EDIT = {**EDITORS_ONLY, "official_here": 200}


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_the_citys_own_officials_and_editors_edit_its_profile(client_for, content, role):
    client = client_for(role)
    url = reverse("cities:edit", kwargs={"slug": "tripoli"})

    _check(client.get(url), CITY_EDIT[role])
    response = client.post(
        url,
        {
            "summary": "New summary",
            "population": "1000",
            "hazards": "",
            "latitude": "34.43670",
            "longitude": "35.84970",
            **{
                f"{p}-{n}": "0"
                for p in ("needs", "offers")
                for n in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )

    content["city"].refresh_from_db()
    if CITY_EDIT[role] == 200:
        assert response.status_code == 302
        assert content["city"].summary == "New summary"
    else:
        _check(response, CITY_EDIT[role])
        assert content["city"].summary == "Old summary"


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_city_history_to_those_who_may_edit_it(client_for, content, role):
    response = client_for(role).get(reverse("cities:history", kwargs={"slug": "tripoli"}))

    _check(response, CITY_EDIT[role])


# Proposing is for officials of a city; editors create resources directly.
PROPOSE = {
    **EDITORS_ONLY,
    "official_here": 200,
    "official_elsewhere": 200,
    "editor": 403,
    "superuser": 403,
}


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_city_officials_propose_resources(client_for, content, role):
    client = client_for(role)
    before = Resource.objects.count()

    _check(client.get(reverse("resources:propose")), PROPOSE[role])
    response = client.post(
        reverse("resources:propose"),
        {"kind": "good_practice", "title": "Early warning", "language": "en"},
    )

    if PROPOSE[role] == 200:
        assert response.status_code == 302
        assert Resource.objects.count() == before + 1
    else:
        _check(response, PROPOSE[role])
        assert Resource.objects.count() == before


# The proposer keeps their proposal; nobody else but the editors may touch it.
PROPOSAL_EDIT = {**EDITORS_ONLY, "official_here": 200}


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_the_proposer_and_editors_edit_a_proposal(client_for, content, role):
    client = client_for(role)
    url = reverse("resources:edit", kwargs={"slug": "tripoli-proposal"})
    original_title = content["proposal"].title

    _check(client.get(url), PROPOSAL_EDIT[role])
    _check(
        client.get(reverse("resources:preview", kwargs={"slug": "tripoli-proposal"})),
        PROPOSAL_EDIT[role],
    )
    response = client.post(url, {"kind": "case_study", "title": "Changed", "language": "en"})

    content["proposal"].refresh_from_db()
    if PROPOSAL_EDIT[role] != 200:
        _check(response, PROPOSAL_EDIT[role])
        assert content["proposal"].title == original_title


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_my_proposals_to_city_officials(client_for, content, role):
    response = client_for(role).get(reverse("resources:my-proposals"))

    _check(response, PROPOSE[role])
