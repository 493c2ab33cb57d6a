"""Slugs from titles, tag suggestions, the history page and event time zones."""

import datetime as dt
import zoneinfo

from django.urls import reverse

from events.models import Event
from projects.models import Project
from tests.factories import ProjectFactory, ResourceFactory


def _series(client, title, slug=""):
    return client.post(
        reverse("events:series-create"),
        {
            "title": title,
            "slug": slug,
            "start_year": "2024",
            "sessions_required_for_certificate": "0",
        },
    )


def test_it_makes_unique_slugs_from_titles(editor_client):
    for _ in range(3):
        assert _series(editor_client, "Urban resilience").status_code == 302

    from events.models import TrainingSeries

    slugs = sorted(TrainingSeries.objects.values_list("slug", flat=True))
    assert slugs == ["urban-resilience", "urban-resilience-2", "urban-resilience-3"]


def test_it_keeps_a_typed_slug_and_refuses_a_taken_or_reserved_one(editor_client):
    ProjectFactory(slug="taken")
    assert _series(editor_client, "Typed", slug="my-own-slug").status_code == 302
    assert _series(editor_client, "Again", slug="my-own-slug").status_code == 400
    response = editor_client.post(
        reverse("projects:create"),
        {
            "kind": "pilot",
            "title": "New",
            "slug": "new",
            "phase": "planned",
            **{f"{p}-TOTAL_FORMS": "0" for p in ("cities", "partners", "milestones")},
            **{f"{p}-INITIAL_FORMS": "0" for p in ("cities", "partners", "milestones")},
        },
    )
    assert response.status_code == 400
    assert not Project.objects.filter(slug="new").exists()


def test_it_suggests_existing_tags(editor_client):
    ResourceFactory().tags.add("flood", "floodplain", "heat")

    response = editor_client.get(reverse("editor-tags"), {"q": "flo"})

    assert response.json() == {"tags": ["flood", "floodplain"]}


def test_it_lists_who_changed_what_in_the_history(editor_client, cast):
    project = ProjectFactory(title="Before")
    url = reverse("projects:edit", kwargs={"slug": project.slug})
    page = editor_client.get(url)
    assert page.status_code == 200
    data = {
        "kind": "pilot",
        "title": "After",
        "slug": project.slug,
        "phase": "active",
        **{f"{p}-TOTAL_FORMS": "0" for p in ("cities", "partners", "milestones")},
        **{f"{p}-INITIAL_FORMS": "0" for p in ("cities", "partners", "milestones")},
    }
    assert editor_client.post(url, data).status_code == 302

    history = editor_client.get(reverse("projects:history", kwargs={"slug": project.slug}))

    text = history.content.decode()
    assert cast["editor"].name in text
    assert "Before" in text and "After" in text


def test_it_reads_event_times_in_the_events_own_time_zone(editor_client):
    response = editor_client.post(
        reverse("events:create"),
        {
            "title": "Beirut workshop",
            "kind": "workshop",
            "format": "in_person",
            "time_zone": "Asia/Beirut",
            "starts_at": "2030-03-10T09:00",
            "ends_at": "2030-03-10T17:00",
            "languages": "en, AR",
            "cohosts-TOTAL_FORMS": "0",
            "cohosts-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    event = Event.objects.get()
    beirut = zoneinfo.ZoneInfo("Asia/Beirut")
    assert event.starts_at == dt.datetime(2030, 3, 10, 9, 0, tzinfo=beirut)
    assert event.languages == ["en", "ar"]


def test_it_refuses_an_unknown_time_zone_and_an_end_before_the_start(editor_client):
    base = {
        "title": "Broken",
        "kind": "webinar",
        "format": "online",
        "cohosts-TOTAL_FORMS": "0",
        "cohosts-INITIAL_FORMS": "0",
    }
    unknown_zone = editor_client.post(
        reverse("events:create"),
        {
            **base,
            "time_zone": "Mars/Olympus",
            "starts_at": "2030-01-01T10:00",
            "ends_at": "2030-01-01T11:00",
        },
    )
    backwards = editor_client.post(
        reverse("events:create"),
        {
            **base,
            "time_zone": "UTC",
            "starts_at": "2030-01-01T10:00",
            "ends_at": "2030-01-01T09:00",
        },
    )

    assert unknown_zone.status_code == 400
    assert backwards.status_code == 400
    assert "An event cannot end before it starts." in backwards.content.decode()
    assert not Event.objects.exists()
