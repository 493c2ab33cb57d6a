"""Every Markdown field, written through its form, renders inert on the public page."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from core.publication import publication_publish
from events.models import Event, TrainingSeries
from projects.models import Project
from resources.models import Resource
from tests.factories import ProjectFactory

from .xss_corpus import END, START, XSS_PAYLOADS, wrap

FORBIDDEN_TAGS = {"script", "svg", "math", "iframe", "object", "embed", "style", "form", "base",
                  "meta", "link", "input", "body", "details", "noscript"}  # fmt: skip
DANGEROUS_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "xlink:href", "srcdoc"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name == "style":
                self.problems.append(f"{tag} style=")
            if name in URL_ATTRIBUTES and value and DANGEROUS_URL.match(value):
                self.problems.append(f"{tag} {name}={value}")


def assert_inert(page: str):
    assert START in page and END in page, "the field is not on the page"
    authored = page[page.index(START) : page.index(END)]
    collector = _Collector()
    collector.feed(authored)
    assert collector.problems == []
    lowered = authored.lower()
    for needle in ("<script", "<svg", "<iframe", "<object", "<embed", "<style", "<math"):
        assert needle not in lowered


def _management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _ok(response):
    assert response.status_code == 302, response.content.decode()[:3000]


def _project_data(title, **extra):
    return {
        "kind": "pilot",
        "title": title,
        "phase": "active",
        **_management("cities"),
        **_management("partners"),
        **_management("milestones"),
        **extra,
    }


def _publish(obj, editor):
    publication_publish(obj=obj, actor=editor)


def project_body(client, editor, text):
    _ok(client.post(reverse("projects:create"), _project_data("Body pilot", body=text)))
    project = Project.objects.get(title="Body pilot")
    _publish(project, editor)
    return project.get_absolute_url()


def milestone_description(client, editor, text):
    data = _project_data(
        "Milestone pilot",
        **{
            **_management("milestones", 1),
            "milestones-0-title": "Step",
            "milestones-0-due_on": "2024-01-01",
            "milestones-0-description": text,
        },
    )
    _ok(client.post(reverse("projects:create"), data))
    project = Project.objects.get(title="Milestone pilot")
    _publish(project, editor)
    return project.get_absolute_url()


def update_body(client, editor, text):
    project = ProjectFactory(slug="update-pilot")
    url = reverse("projects:update-create", kwargs={"slug": project.slug})
    _ok(client.post(url, {"title": "News from the pilot", "body": text}))
    _publish(project.updates.get(), editor)
    return project.get_absolute_url()


def event_description(client, editor, text):
    start = timezone.localtime() + dt.timedelta(days=5)
    data = {
        "title": "Hostile webinar",
        "kind": "webinar",
        "format": "online",
        "time_zone": "Asia/Beirut",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "description": text,
        **_management("cohosts"),
    }
    _ok(client.post(reverse("events:create"), data))
    event = Event.objects.get(title="Hostile webinar")
    _publish(event, editor)
    return event.get_absolute_url()


def series_description(client, editor, text):
    data = {
        "title": "Hostile series",
        "description": text,
        "start_year": "2024",
        "sessions_required_for_certificate": "0",
    }
    _ok(client.post(reverse("events:series-create"), data))
    series = TrainingSeries.objects.get(title="Hostile series")
    _publish(series, editor)
    return series.get_absolute_url()


def resource_body(client, editor, text):
    data = {"kind": "toolkit", "title": "Hostile toolkit", "language": "en", "body": text}
    _ok(client.post(reverse("resources:create"), data))
    resource = Resource.objects.get(title="Hostile toolkit")
    _publish(resource, editor)
    return resource.get_absolute_url()


def proposal_body(client, editor, text, *, official):
    client.force_login(official)
    data = {"kind": "good_practice", "title": "Hostile practice", "language": "en", "body": text}
    _ok(client.post(reverse("resources:propose"), data))
    resource = Resource.objects.get(title="Hostile practice")
    client.force_login(editor)
    _ok(client.post(reverse("resources:review-publish", kwargs={"pk": resource.pk})))
    return resource.get_absolute_url()


NO_ROWS = {f"{p}-{n}": "0" for p in ("needs", "offers") for n in ("TOTAL_FORMS", "INITIAL_FORMS")}


def city_description(client, editor, text, *, official):
    client.force_login(official)
    url = reverse("cities:edit", kwargs={"slug": official.city.slug})
    city = official.city
    data = {"summary": "", "description": text, "hazards": "", **NO_ROWS}
    _ok(client.post(url, {**data, "latitude": city.latitude, "longitude": city.longitude}))
    return official.city.get_absolute_url()


def cluster_description(client, editor, text, *, cluster):
    data = {
        "name": cluster.name,
        "description": text,
        "colour": "#1f6fb2",
        "order": "1",
        "is_active": "on",
    }
    _ok(client.post(reverse("clusters:edit", kwargs={"slug": cluster.slug}), data))
    return cluster.get_absolute_url()


FIELDS = [
    project_body,
    milestone_description,
    update_body,
    event_description,
    series_description,
    resource_body,
    proposal_body,
    city_description,
    cluster_description,
]


def test_it_has_a_corpus_of_at_least_thirty_payloads():
    assert len(set(XSS_PAYLOADS)) >= 30


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize("write", FIELDS, ids=[f.__name__ for f in FIELDS])
def test_it_renders_hostile_markdown_inert(client, cast, cluster, notified, write, payload):
    editor = cast["editor"]
    client.force_login(editor)
    extra = {}
    if write in (proposal_body, city_description):
        extra["official"] = cast["official_here"]
    if write is cluster_description:
        extra["cluster"] = cluster

    url = write(client, editor, wrap(payload), **extra)
    client.logout()
    response = client.get(url)

    assert response.status_code == 200
    assert_inert(response.content.decode())
