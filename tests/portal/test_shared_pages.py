"""Signed-in pages rendered once for everyone, with each reader's own parts (core.shared_pages).

Every test here has one reader warm the kept body and another of the same audience (the same
roles) read it from the cache: what the second sees must be theirs, never the first's.
"""

import re
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.template import engines
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from accounts.models import User
from cities.models import City
from clusters.models import Cluster
from core.roles import CITY_OFFICIAL
from core.shared_pages import RENDER_HEADER, shared_page
from events.models import Event
from notifications.models import Notification, Subscription
from portal.demo import data
from tests.factories import CityOfficialFactory, PartnerFactory

pytestmark = pytest.mark.django_db

CLUSTER = "/clusters/disaster-risk-reduction/"
TRIPOLI = "/cities/tripoli-lebanon/"
PASSWORD = "demo-password-2026"


@pytest.fixture(autouse=True)
def _demo_with_shared_pages(demo_content, kept_pages):
    pass
    yield
    cache.clear()


def _reader(email: str, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(User.objects.get(email=email))
    return client


@pytest.fixture
def official():
    return _reader(data.CITY_OFFICIAL_EMAIL)


@pytest.fixture
def other_official():
    """An official of Beirut: the same audience (roles, time zone) as Tripoli's official, not
    the same person."""
    beirut = CityOfficialFactory(
        city=City.objects.get(slug="beirut"), email="beirut@example.org", time_zone="Asia/Beirut"
    )
    return _reader(beirut.email)


@pytest.fixture
def other_partner():
    # In the demo partner's time zone, so the two share kept pages.
    return _reader(
        PartnerFactory(email="other-partner@example.org", time_zone="Africa/Nairobi").email
    )


def _page(client, url, expected_render="shared"):
    response = client.get(url)
    assert response.status_code == 200
    assert response[RENDER_HEADER] == expected_render
    return response.content.decode()


def test_two_readers_of_one_kept_page_each_see_their_own_follow_button_and_bell(
    official, other_official
):
    tripoli_official = User.objects.get(email=data.CITY_OFFICIAL_EMAIL)
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")
    Subscription.objects.get_or_create(user=tripoli_official, cluster=cluster)
    Notification.objects.filter(recipient=tripoli_official).update(read_at="2026-01-01T00:00Z")
    Notification.objects.create(
        recipient=User.objects.get(email="beirut@example.org"), verb="published", title="New"
    )

    first = _page(official, CLUSTER, expected_render="shared-miss")
    second = _page(other_official, CLUSTER)
    again = _page(official, CLUSTER)

    assert "Following ✓" in first and "Following ✓" in again
    assert "Following ✓" not in second
    assert 'class="notification-count">1<' in second
    assert "notification-count" not in first and "notification-count" not in again


def test_only_the_citys_own_official_is_offered_to_propose_and_to_edit(official, other_official):
    for_partner = _page(other_official, TRIPOLI, expected_render="shared-miss")
    for_official = _page(official, TRIPOLI)

    assert "Propose an exchange" in for_official
    assert "Propose an exchange" not in for_partner
    assert "/cities/tripoli-lebanon/edit/" in for_official
    assert "/cities/tripoli-lebanon/edit/" not in for_partner
    # Both read the same suggestions, named the same way.
    assert "Shenzhen offers early warning systems" in for_partner
    assert "Shenzhen offers early warning systems" in for_official


def test_the_csrf_token_in_a_kept_page_is_the_readers_own(other_partner):
    _page(other_partner, CLUSTER, expected_render="shared-miss")
    reader = PartnerFactory(time_zone="Africa/Nairobi")
    partner = _reader(reader.email, enforce_csrf_checks=True)

    page = _page(partner, CLUSTER)
    form = page[page.index('action="/follow/"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = partner.post(
        "/follow/",
        {"csrfmiddlewaretoken": token, "target_type": "cluster", "slug": "disaster-risk-reduction"},
    )

    assert response.status_code == 302
    assert Subscription.objects.filter(
        user=reader, cluster__slug="disaster-risk-reduction"
    ).exists()
    assert "Following ✓" in _page(partner, CLUSTER)


def test_readers_in_other_time_zones_see_times_in_their_own(official):
    """The zone of a reader's profile is part of what a kept body is for: an official in UTC
    never gets the times rendered for Tripoli's official (Asia/Beirut)."""
    in_utc = _reader(
        CityOfficialFactory(
            city=City.objects.get(slug="beirut"), email="utc@example.org", time_zone="UTC"
        ).email
    )
    event = Event.objects.public().filter(starts_at__gte=timezone.now()).earliest("starts_at")

    for_beirut = _page(official, "/events/", expected_render="shared-miss")
    for_utc = _page(in_utc, "/events/", expected_render="shared-miss")

    def shown(zone):
        return formats.date_format(event.starts_at.astimezone(ZoneInfo(zone)), "TIME_FORMAT")

    assert shown("Asia/Beirut") != shown("UTC")
    assert shown("Asia/Beirut") in for_beirut and shown("UTC") not in for_beirut
    assert shown("UTC") in for_utc and shown("Asia/Beirut") not in for_utc


def test_a_flash_message_reaches_only_its_reader(other_partner):
    _page(other_partner, CLUSTER, expected_render="shared-miss")
    partner = Client()
    partner.post("/accounts/login/", {"login": data.PARTNER_EMAIL, "password": PASSWORD})

    page = _page(partner, CLUSTER)

    assert "Successfully signed in" in page
    assert "Successfully signed in" not in _page(other_partner, CLUSTER)
    assert "Successfully signed in" not in _page(partner, CLUSTER)  # shown once


def test_staff_get_their_own_body_with_every_edit_link(official):
    _page(official, CLUSTER, expected_render="shared-miss")
    editor = _reader(data.UN_STAFF_EMAIL)

    page = _page(editor, CLUSTER, expected_render="shared-miss")

    assert "/clusters/disaster-risk-reduction/edit/" in page
    assert "Editor&#x27;s desk" in page or "Editor's desk" in page
    assert "nav-staff" not in _page(official, CLUSTER)


def test_an_edit_of_public_content_reaches_kept_pages_at_once(
    official, other_official, django_capture_on_commit_callbacks
):
    _page(official, CLUSTER, expected_render="shared-miss")
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")
    cluster.summary = "Cities that plan for floods before they come."
    with django_capture_on_commit_callbacks(execute=True):
        cluster.save()

    page = _page(other_official, CLUSTER, expected_render="shared-miss")

    assert "Cities that plan for floods before they come." in page


def test_the_editors_desk_is_shared_by_staff_and_shows_a_new_draft_at_once(
    official, django_capture_on_commit_callbacks
):
    from projects.models import Project

    first_editor = _reader(data.UN_STAFF_EMAIL)
    second_editor = _reader(
        User.objects.create_user(
            email="second-editor@example.org", password=PASSWORD, time_zone="America/New_York"
        ).email
    )
    second_editor_user = User.objects.get(email="second-editor@example.org")
    second_editor_user.groups.add(*User.objects.get(email=data.UN_STAFF_EMAIL).groups.all())
    _page(first_editor, "/editor/", expected_render="shared-miss")
    assert "Flood maps for Beira, not yet published" not in _page(second_editor, "/editor/")

    draft = Project.objects.filter(status="published").first()
    with django_capture_on_commit_callbacks(execute=True):
        Project.objects.filter(pk=draft.pk).update(status="draft")
        draft.refresh_from_db()
        draft.title = "Flood maps for Beira, not yet published"
        draft.save()

    page = _page(second_editor, "/editor/", expected_render="shared-miss")
    assert "Flood maps for Beira, not yet published" in page
    # Not for anyone else: the kept desk is refused to an official.
    response = official.get("/editor/")
    assert response.status_code == 403
    assert "Flood maps for Beira" not in response.content.decode()


def test_a_kept_page_costs_a_few_queries_whatever_it_shows(official, other_official):
    counts = {}
    for url in ("/", CLUSTER, TRIPOLI, "/events/", "/search/?q=flood"):
        _page(official, url, expected_render="shared-miss")
        with CaptureQueriesContext(connection) as queries:
            _page(other_official, url)
        counts[url] = len(queries)
    # The session, the user, their roles, what they follow, their unread count, and the item an
    # Edit link is for (may this official edit it?): the view and its lists do not run.
    assert max(counts.values()) <= 6, counts


def test_a_type_only_staff_edit_is_not_loaded_to_ask_about_its_edit_link(official, other_official):
    _page(official, CLUSTER, expected_render="shared-miss")

    with CaptureQueriesContext(connection) as queries:
        _page(other_official, CLUSTER)

    assert not [q for q in queries.captured_queries if 'FROM "clusters_cluster"' in q["sql"]]


def test_a_page_that_reads_who_its_reader_is_is_rendered_for_them_alone():
    page = engines["django"].from_string("<p>{{ request.user.email }}</p>")

    @shared_page
    def view(request):
        return HttpResponse(page.render({}, request))

    for email in (data.CITY_OFFICIAL_EMAIL, data.PARTNER_EMAIL):
        request = RequestFactory().get("/somewhere/")
        request.user = User.objects.get(email=email)
        request.session = {}
        response = view(request)
        assert response[RENDER_HEADER] == "personal"
        assert f"<p>{email}</p>" in response.content.decode()


def test_an_edit_link_question_loads_only_what_the_types_rule_reads(official):
    """The Edit-link predicate loads the fields an editor's `may_edit` declares, and those are
    all the rule reads: answering it loads nothing more, and the answer is right."""
    from core.editor import editor_for, may_edit_each
    from resources.models import Resource, ReviewState
    from tests.factories import ResourceFactory

    tripoli_official = User.objects.get(email=data.CITY_OFFICIAL_EMAIL)
    tripoli = City.objects.get(slug="tripoli-lebanon")
    proposal = ResourceFactory(
        status="draft", review_state=ReviewState.PROPOSED, proposed_by=tripoli_official
    )
    assert tripoli_official.has_role(CITY_OFFICIAL)  # the roles are read once per request
    for obj in (tripoli, proposal):
        fields = editor_for(obj).may_edit_fields
        assert fields
        slim = type(obj)._default_manager.only(*fields).get(pk=obj.pk)
        with CaptureQueriesContext(connection) as queries:
            assert editor_for(obj).may_edit(tripoli_official, slim)
        assert len(queries) == 0

    request = RequestFactory().get("/")
    request.user = tripoli_official
    targets = [
        ("cities.city", tripoli.pk),
        ("cities.city", City.objects.get(slug="beirut").pk),
        ("resources.resource", proposal.pk),
        ("resources.resource", Resource.objects.published().first().pk),
    ]
    with CaptureQueriesContext(connection) as queries:
        assert may_edit_each(request, targets) == [True, False, True, False]
    # A city's rule reads its id alone, which the page gave: only the resources are loaded.
    assert len(queries) == 1
    assert 'FROM "clusters_resource"' in queries[0]["sql"] and '"title' not in queries[0]["sql"]


def test_a_rule_that_reads_more_than_the_id_it_declared_still_reads_the_truth(
    official, monkeypatch
):
    """A city is answered from its id alone; were its rule to read another field, it would read
    the row's value, not a new instance's empty default."""
    from core.editor import editor_for, may_edit_each

    tripoli_official = User.objects.get(email=data.CITY_OFFICIAL_EMAIL)
    tripoli = City.objects.get(slug="tripoli-lebanon")
    editor = editor_for(tripoli)
    assert tuple(editor.may_edit_fields) == ("id",)
    seen = []
    monkeypatch.setattr(
        editor, "may_edit", lambda user, city: seen.append(city.name) or city.name == "Tripoli"
    )
    request = RequestFactory().get("/")
    request.user = tripoli_official

    assert may_edit_each(request, [("cities.city", tripoli.pk)]) == [True], seen
