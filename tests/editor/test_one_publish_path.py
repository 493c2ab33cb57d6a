"""One publication path: whichever surface publishes a pilot, an event or a resource (its
editorial page, the API, the admin's change form or its list action), each follower of its
cluster is told exactly once; publishing it again tells nobody; and an update of a draft pilot is
refused on every surface, with a clear reason and nothing half-saved."""

import datetime as dt

import pytest
from django.contrib.admin import helpers
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from core.models import PublicationStatus
from events.models import Event
from notifications.models import Notification
from projects.models import Project, ProjectUpdate
from projects.services import project_update_create
from resources.models import Resource, ReviewState
from tests.factories import (
    ClusterFactory,
    EventFactory,
    OrganizationFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    ResourceFactory,
    StaffUserFactory,
    SubscriptionFactory,
)

DRAFT = {"status": PublicationStatus.DRAFT, "published_at": None}
REFUSAL = "Publish the project before its updates."


@pytest.fixture
def cluster(db):
    return ClusterFactory(name="Water", slug="water")


@pytest.fixture
def followers(cluster):
    return [SubscriptionFactory(cluster=cluster).user for _ in range(2)]


@pytest.fixture
def editor(db):
    return StaffUserFactory(email="editor@example.org")


def told(followers) -> list[int]:
    return [Notification.objects.filter(recipient=person).count() for person in followers]


# --- The three content types, as each surface addresses them ----------------------------------


def _split(moment) -> dict:
    local = timezone.localtime(moment)
    return {"0": local.strftime("%Y-%m-%d"), "1": local.strftime("%H:%M:%S")}


def _management(prefix: str) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _project_admin_form(project, cluster, status) -> dict:
    return {
        "kind": project.kind,
        "title": project.title,
        "slug": project.slug,
        "summary": project.summary,
        "phase": project.phase,
        "start_date": project.start_date.isoformat(),
        "clusters": [cluster.pk],
        "status": status,
        **_management("city_links"),
        **_management("partner_links"),
        **_management("milestones"),
        **_management("updates"),
    }


def _event_admin_form(event, cluster, status) -> dict:
    starts, ends = _split(event.starts_at), _split(event.ends_at)
    return {
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "format": event.format,
        "starts_at_0": starts["0"],
        "starts_at_1": starts["1"],
        "ends_at_0": ends["0"],
        "ends_at_1": ends["1"],
        "time_zone": event.time_zone,
        "languages": '["en"]',
        "clusters": [cluster.pk],
        "status": status,
        **_management("cohost_links"),
    }


def _resource_admin_form(resource, cluster, status) -> dict:
    return {
        "kind": resource.kind,
        "title": resource.title,
        "slug": resource.slug,
        "summary": resource.summary,
        "body": resource.body,
        "language": "en",
        "clusters": [cluster.pk],
        "status": status,
        "review_state": resource.review_state,
    }


CONTENT = {
    "project": {
        "factory": ProjectFactory,
        "model": Project,
        "page": "projects:publish",
        "api": "projects",
        "admin": "projects_project",
        "admin_form": _project_admin_form,
        "new": lambda cluster: {
            "slug": "new-pilot",
            "title": "New pilot",
            "kind": "pilot",
            "phase": "planned",
            "clusters": [cluster.slug],
        },
    },
    "event": {
        "factory": EventFactory,
        "model": Event,
        "page": "events:publish",
        "api": "events",
        "admin": "events_event",
        "admin_form": _event_admin_form,
        "new": lambda cluster: {
            "slug": "new-event",
            "title": "New event",
            "kind": "workshop",
            "format": "online",
            "starts_at": "2031-09-05T09:00:00Z",
            "ends_at": "2031-09-05T17:00:00Z",
            "clusters": [cluster.slug],
        },
    },
    "resource": {
        "factory": ResourceFactory,
        "model": Resource,
        "page": "resources:publish",
        "api": "resources",
        "admin": "resources_resource",
        "admin_form": _resource_admin_form,
        "new": lambda cluster: {
            "slug": "new-resource",
            "title": "New resource",
            "kind": "news",
            "clusters": [cluster.slug],
        },
    },
}
KINDS = list(CONTENT)


def _draft_in(kind, cluster):
    item = CONTENT[kind]["factory"](**DRAFT)
    item.clusters.add(cluster)
    return item


def _page(editor):
    client = Client()
    client.force_login(editor)
    return client


def _api(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


def publish_by_page(kind, item, cluster, editor, admin_client):
    return _page(editor).post(reverse(CONTENT[kind]["page"], kwargs={"slug": item.slug}))


def publish_by_api(kind, item, cluster, editor, admin_client, status="published"):
    return _api(editor).patch(
        f"/api/v1/{CONTENT[kind]['api']}/{item.slug}/", {"status": status}, format="json"
    )


def publish_by_admin_form(kind, item, cluster, editor, admin_client):
    item.refresh_from_db()
    spec = CONTENT[kind]
    return admin_client.post(
        reverse(f"admin:{spec['admin']}_change", args=[item.pk]),
        spec["admin_form"](item, cluster, PublicationStatus.PUBLISHED),
    )


def publish_by_admin_action(kind, item, cluster, editor, admin_client):
    return admin_client.post(
        reverse(f"admin:{CONTENT[kind]['admin']}_changelist"),
        {"action": "publish_selected", helpers.ACTION_CHECKBOX_NAME: [item.pk]},
    )


SURFACES = {
    "page": publish_by_page,
    "api": publish_by_api,
    "admin form": publish_by_admin_form,
    "admin action": publish_by_admin_action,
}


# --- Each follower is told once -----------------------------------------------------------------


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("kind", KINDS)
def test_it_tells_each_follower_once_whichever_surface_publishes(
    kind, surface, cluster, followers, editor, admin_client
):
    item = _draft_in(kind, cluster)

    response = SURFACES[surface](kind, item, cluster, editor, admin_client)

    assert response.status_code in (200, 302), response.content.decode()[:2000]
    item.refresh_from_db()
    assert item.is_published
    assert told(followers) == [1, 1]
    publication = item.history.filter(history_change_reason="published").get()
    expected_actor = "admin" if surface.startswith("admin") else "editor@example.org"
    assert publication.history_user.email.startswith(expected_actor)


@pytest.mark.parametrize("kind", KINDS)
def test_it_tells_nobody_again_when_any_surface_publishes_it_again(
    kind, cluster, followers, editor, admin_client
):
    item = _draft_in(kind, cluster)
    publish_by_page(kind, item, cluster, editor, admin_client)
    first_date = CONTENT[kind]["model"].objects.get(pk=item.pk).published_at

    for publish in SURFACES.values():
        publish(kind, item, cluster, editor, admin_client)
    withdrawn = publish_by_api(kind, item, cluster, editor, admin_client, status="draft")
    item.refresh_from_db()
    status_when_withdrawn = item.status
    for publish in SURFACES.values():
        publish(kind, item, cluster, editor, admin_client)

    item.refresh_from_db()
    assert withdrawn.status_code == 200
    assert status_when_withdrawn == PublicationStatus.DRAFT
    assert item.is_published
    assert item.published_at == first_date
    assert told(followers) == [1, 1]
    assert item.history.filter(history_change_reason="published").count() == 2
    assert item.history.filter(history_change_reason="unpublished").count() == 1


@pytest.mark.parametrize("kind", KINDS)
def test_it_publishes_what_the_api_creates_as_published_and_tells_followers_once(
    kind, cluster, followers, editor
):
    body = CONTENT[kind]["new"](cluster) | {"status": "published"}

    response = _api(editor).post(f"/api/v1/{CONTENT[kind]['api']}/", body, format="json")

    assert response.status_code == 201, response.content
    item = CONTENT[kind]["model"].objects.get(slug=body["slug"])
    assert item.is_published
    assert response.json()["published_at"] is not None
    assert told(followers) == [1, 1]
    reasons = list(
        item.history.order_by("history_date").values_list(
            "history_change_reason", "history_user__email"
        )
    )
    assert reasons == [("created", editor.email), ("published", editor.email)]


@pytest.mark.parametrize("kind", KINDS)
def test_it_creates_a_draft_through_the_api_without_telling_anyone(
    kind, cluster, followers, editor
):
    body = CONTENT[kind]["new"](cluster) | {"status": "draft"}

    response = _api(editor).post(f"/api/v1/{CONTENT[kind]['api']}/", body, format="json")

    assert response.status_code == 201, response.content
    assert response.json()["published_at"] is None
    assert told(followers) == [0, 0]


def test_it_ignores_a_publication_date_sent_to_the_api(cluster, followers, editor):
    item = _draft_in("resource", cluster)
    chosen = "2020-01-01T00:00:00Z"

    response = _api(editor).patch(
        f"/api/v1/resources/{item.slug}/",
        {"status": "published", "published_at": chosen},
        format="json",
    )

    item.refresh_from_db()
    assert response.status_code == 200
    assert item.published_at > timezone.now() - dt.timedelta(minutes=1)
    assert told(followers) == [1, 1]


def test_it_saves_nothing_and_tells_nobody_when_an_api_change_is_refused(
    cluster, followers, editor
):
    pilot = _draft_in("project", cluster)

    response = _api(editor).patch(
        f"/api/v1/projects/{pilot.slug}/",
        {"status": "published", "title": "Renamed", "end_date": "2000-01-01"},
        format="json",
    )

    pilot.refresh_from_db()
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "non_field_errors": ["A project cannot end before it starts."]
    }
    assert pilot.title != "Renamed"
    assert pilot.status == PublicationStatus.DRAFT
    assert told(followers) == [0, 0]


def test_it_publishes_a_proposal_from_its_admin_form_and_accepts_it(
    cluster, followers, admin_client
):
    proposal = ResourceFactory(review_state=ReviewState.PROPOSED, **DRAFT)

    response = publish_by_admin_form("resource", proposal, cluster, None, admin_client)

    proposal.refresh_from_db()
    assert response.status_code == 302
    assert proposal.is_published
    assert proposal.review_state == ReviewState.NONE
    assert told(followers) == [1, 1]


# --- An update of a draft pilot is refused everywhere -------------------------------------------


@pytest.fixture
def draft_pilot_update(db):
    pilot = ProjectFactory(title="Draft pilot", **DRAFT)
    follower = SubscriptionFactory(cluster=None, project=pilot).user
    return ProjectUpdateFactory(project=pilot, title="Field visit", **DRAFT), follower


def _still_a_draft_nobody_heard_of(update, follower, title="Field visit"):
    update.refresh_from_db()
    assert update.status == PublicationStatus.DRAFT
    assert update.published_at is None
    assert update.title == title
    assert not Notification.objects.filter(recipient=follower).exists()


def test_it_refuses_an_update_of_a_draft_pilot_on_its_page(draft_pilot_update, editor):
    update, follower = draft_pilot_update

    response = _page(editor).post(
        reverse("projects:update-publish", kwargs={"slug": update.project.slug, "pk": update.pk}),
        follow=True,
    )

    assert REFUSAL in [str(message) for message in get_messages(response.wsgi_request)]
    _still_a_draft_nobody_heard_of(update, follower)


def test_it_refuses_an_update_of_a_draft_pilot_in_its_admin_form(draft_pilot_update, admin_client):
    update, follower = draft_pilot_update

    response = admin_client.post(
        reverse("admin:projects_projectupdate_change", args=[update.pk]),
        {
            "project": update.project.pk,
            "title": "Field visit, corrected",
            "body": update.body,
            "status": PublicationStatus.PUBLISHED,
        },
    )

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    _still_a_draft_nobody_heard_of(update, follower)


def test_it_refuses_an_update_of_a_draft_pilot_in_the_pilot_admin_form(
    draft_pilot_update, admin_client, cluster
):
    update, follower = draft_pilot_update
    pilot = update.project
    data = _project_admin_form(pilot, cluster, PublicationStatus.DRAFT) | {
        "title": "Draft pilot, renamed",
        "updates-TOTAL_FORMS": "1",
        "updates-INITIAL_FORMS": "1",
        "updates-0-id": update.pk,
        "updates-0-project": pilot.pk,
        "updates-0-title": "Field visit",
        "updates-0-body": update.body,
        "updates-0-status": PublicationStatus.PUBLISHED,
    }

    response = admin_client.post(reverse("admin:projects_project_change", args=[pilot.pk]), data)

    pilot.refresh_from_db()
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert pilot.title == "Draft pilot"
    _still_a_draft_nobody_heard_of(update, follower)


def test_it_publishes_a_pilot_and_its_update_together_in_the_pilot_admin_form(
    draft_pilot_update, admin_client, cluster
):
    update, follower = draft_pilot_update
    pilot = update.project
    data = _project_admin_form(pilot, cluster, PublicationStatus.PUBLISHED) | {
        "updates-TOTAL_FORMS": "1",
        "updates-INITIAL_FORMS": "1",
        "updates-0-id": update.pk,
        "updates-0-project": pilot.pk,
        "updates-0-title": "Field visit",
        "updates-0-body": update.body,
        "updates-0-status": PublicationStatus.PUBLISHED,
    }

    response = admin_client.post(reverse("admin:projects_project_change", args=[pilot.pk]), data)

    update.refresh_from_db()
    assert response.status_code == 302
    assert update.is_published
    titles = set(Notification.objects.filter(recipient=follower).values_list("title", flat=True))
    assert titles == {"Draft pilot", "Draft pilot: Field visit"}


def test_it_refuses_an_update_of_a_draft_pilot_from_the_admin_list(
    draft_pilot_update, admin_client
):
    update, follower = draft_pilot_update

    response = admin_client.post(
        reverse("admin:projects_projectupdate_changelist"),
        {"action": "publish_selected", helpers.ACTION_CHECKBOX_NAME: [update.pk]},
        follow=True,
    )

    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert f"Field visit: {REFUSAL}" in shown
    _still_a_draft_nobody_heard_of(update, follower)


def test_it_refuses_an_update_of_a_draft_pilot_asked_for_by_a_task(draft_pilot_update):
    update, follower = draft_pilot_update
    before = ProjectUpdate.objects.count()

    with pytest.raises(ValidationError, match=REFUSAL):
        project_update_create(
            actor=None,
            data={"project": update.project, "title": "Second visit", "status": "published"},
        )

    assert ProjectUpdate.objects.count() == before
    _still_a_draft_nobody_heard_of(update, follower)


def test_it_adds_an_event_published_from_the_admin_with_its_co_hosts_and_tells_followers_once(
    cluster, followers, admin_client
):
    geti = OrganizationFactory(name="GETI")
    new = EventFactory.build(slug="added-in-admin", title="Added in the admin", status="draft")
    data = _event_admin_form(new, cluster, PublicationStatus.PUBLISHED) | {
        "cohost_links-TOTAL_FORMS": "1",
        "cohost_links-0-organization": geti.pk,
        "cohost_links-0-role": "co_host",
    }

    response = admin_client.post(reverse("admin:events_event_add"), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="added-in-admin")
    assert response["Location"] == reverse("admin:events_event_changelist")
    assert event.is_published
    assert [link.organization.name for link in event.cohost_links.all()] == ["GETI"]
    assert told(followers) == [1, 1]
    assert event.history.filter(history_change_reason="published").get().history_user.is_superuser


API_PUBLISH_STATUS = {
    "anonymous": 401,
    "plain": 403,
    "pending": 403,
    "official_here": 403,
    "official_elsewhere": 403,
    "partner": 403,
    "editor": 200,
    "superuser": 200,
}


@pytest.mark.parametrize("role", API_PUBLISH_STATUS)
@pytest.mark.parametrize("kind", KINDS)
def test_it_lets_only_un_staff_publish_through_the_api(kind, role, cast, cluster, followers):
    item = _draft_in(kind, cluster)
    client = APIClient()
    if cast[role] is not None:
        client.force_authenticate(cast[role])

    response = client.patch(
        f"/api/v1/{CONTENT[kind]['api']}/{item.slug}/", {"status": "published"}, format="json"
    )

    item.refresh_from_db()
    assert response.status_code == API_PUBLISH_STATUS[role]
    allowed = response.status_code == 200
    assert item.is_published is allowed
    assert told(followers) == ([1, 1] if allowed else [0, 0])
