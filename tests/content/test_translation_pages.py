"""Translating as editorial work: the side-by-side page of every type, who may use it, what it
saves and publishes, its machine suggestions, and the list of what waits for a translation."""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.content_language import translated_fields
from core.editor import registered_editors
from core.models import PublicationStatus
from projects.models import ProjectCityRole
from tests.factories import (
    CityFactory,
    CityOfficialFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    EventFactory,
    OpportunityFactory,
    OrganizationFactory,
    PartnerFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ProjectUpdateFactory,
    ResourceFactory,
    StaffUserFactory,
    TrainingSeriesFactory,
)
from tests.form_data import form_data

pytestmark = pytest.mark.django_db

INPUT = re.compile(r'<(input|textarea)[^>]*name="([a-z_]+)"[^>]*?(?:value="([^"]*)")?[^>]*>')


def _translate_url(editor, obj, language="fr"):
    return editor.address(obj, "translate", language=language)


def _editor_of(obj):
    return next(e for e in registered_editors() if e.model is type(obj))


def _staff_client():
    client = Client()
    client.force_login(StaffUserFactory())
    return client


def _fields_of(html):
    """The translation form's fields as the browser would post them."""
    data = {}
    for name in re.findall(r'name="([a-z_]+_(?:fr|es|ar|ru|zh_hans))"', html):
        textarea = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', html, re.S)
        if textarea:
            data[name] = textarea.group(1).strip("\n")
            continue
        value = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html)
        data[name] = value.group(1) if value else ""
    return data


def _one_of_each_type():
    return [
        ClusterFactory(),
        CityFactory(),
        ProjectFactory(summary="A pilot.", body="Body."),
        ProjectUpdateFactory(body="News."),
        EventFactory(summary="An event."),
        TrainingSeriesFactory(summary="A series."),
        ResourceFactory(summary="A resource."),
    ]


def test_every_translatable_type_has_a_translation_page():
    labels = {e.model._meta.label_lower for e in registered_editors() if e.translatable}

    assert labels >= {
        "clusters.cluster",
        "cities.city",
        "projects.project",
        "projects.projectupdate",
        "events.event",
        "events.trainingseries",
        "resources.resource",
        "projects.milestone",
        "accounts.organization",
    }


def test_the_page_shows_the_original_beside_the_target_fields():
    client = _staff_client()
    pilot = ProjectFactory(title="Flood drill", title_fr="Exercice", summary="Two cities.")

    page = client.get(_translate_url(_editor_of(pilot), pilot)).content.decode()

    assert '<div class="translate-source" lang="en" dir="ltr"' in page
    assert "Two cities." in page
    assert 'name="title_fr"' in page and 'value="Exercice"' in page
    assert 'lang="fr"' in page


@pytest.mark.parametrize("index", range(7))
def test_a_translation_form_submitted_unchanged_changes_nothing(index):
    client = _staff_client()
    obj = _one_of_each_type()[index]
    for field in translated_fields(obj):
        if getattr(obj, f"{field}_en"):
            setattr(obj, f"{field}_fr", f"{field} en français")
    obj.save()
    url = _translate_url(_editor_of(obj), obj)
    before = type(obj).objects.filter(pk=obj.pk).values().get()
    history_before = obj.history.count()

    data = _fields_of(client.get(url).content.decode())
    response = client.post(url, {**data, "action": "save"})

    assert response.status_code == 302
    assert type(obj).objects.filter(pk=obj.pk).values().get() == before
    assert obj.history.count() == history_before
    assert data  # the form had fields to post


def test_saving_a_draft_translation_keeps_the_draft_and_records_the_language_in_history():
    client = _staff_client()
    pilot = ProjectFactory(title="Flood drill", status=PublicationStatus.DRAFT, published_at=None)
    url = _translate_url(_editor_of(pilot), pilot, "ar")

    page = client.get(url).content.decode()
    response = client.post(url, {"title_ar": "تمرين الفيضانات", "action": "save"})

    assert "Save translation" in page and "Publish translation" not in page
    assert response.status_code == 302
    pilot.refresh_from_db()
    assert (pilot.title_ar, pilot.title_en, pilot.status) == (
        "تمرين الفيضانات",
        "Flood drill",
        "draft",
    )
    latest = pilot.history.first()
    changes = latest.diff_against(latest.prev_record).changes
    assert [change.field for change in changes] == ["title_ar"]


def test_a_published_items_translation_is_published_by_the_button_that_says_so(client):
    staff = _staff_client()
    pilot = ProjectFactory(title="Flood drill")
    url = _translate_url(_editor_of(pilot), pilot)

    page = staff.get(url).content.decode()
    staff.post(url, {"title_fr": "Exercice d'inondation", "action": "save"})

    assert "Publish translation" in page and "Preview" in page
    public = client.get("/fr" + pilot.get_absolute_url()).content.decode()
    assert "Exercice d&#x27;inondation" in public


def test_a_preview_shows_the_translation_without_keeping_it():
    staff = _staff_client()
    pilot = ProjectFactory(title="Flood drill")
    url = _translate_url(_editor_of(pilot), pilot)

    preview = staff.post(url, {"title_fr": "Exercice", "action": "preview"})

    assert "Exercice" in preview.content.decode()
    pilot.refresh_from_db()
    assert pilot.title_fr is None


def test_a_too_long_translation_is_refused_with_a_message_not_an_error_page():
    staff = _staff_client()
    pilot = ProjectFactory()

    response = staff.post(_translate_url(_editor_of(pilot), pilot), {"title_fr": "x" * 300})

    assert response.status_code == 400
    assert "at most 250 characters" in response.content.decode()


def test_the_original_language_and_unknown_languages_have_no_translation_page():
    staff = _staff_client()
    pilot = ProjectFactory()
    editor = _editor_of(pilot)

    assert staff.get(_translate_url(editor, pilot, "en")).status_code == 404
    assert staff.get(_translate_url(editor, pilot, "xx")).status_code == 404


# --- Who may translate ------------------------------------------------------------------------


@pytest.fixture
def cast():
    city = CityFactory()
    pilot = ProjectFactory()
    partner_org = OrganizationFactory()
    ProjectPartnerFactory(project=pilot, organization=partner_org)
    return {
        "city": city,
        "pilot": pilot,
        "official": CityOfficialFactory(city=city),
        "partner": PartnerFactory(organization=partner_org),
        "other_partner": PartnerFactory(),
        "staff": StaffUserFactory(),
    }


def _status(cast, role, obj):
    client = Client()
    if role != "anonymous":
        client.force_login(cast[role])
    url = _translate_url(_editor_of(obj), obj)
    return client.get(url).status_code, client.post(url, {"action": "save"}).status_code


@pytest.mark.parametrize(
    ("role", "city", "pilot"),
    [
        ("anonymous", (302, 302), (302, 302)),
        ("official", (200, 302), (403, 403)),
        ("partner", (403, 403), (403, 403)),
        ("other_partner", (403, 403), (403, 403)),
        ("staff", (200, 302), (200, 302)),
    ],
)
def test_who_may_translate(cast, role, city, pilot):
    assert _status(cast, role, cast["city"]) == city
    assert _status(cast, role, cast["pilot"]) == pilot


def test_anonymous_visitors_are_sent_to_sign_in(cast):
    url = _translate_url(_editor_of(cast["pilot"]), cast["pilot"])

    response = Client().get(url)

    assert response.url.startswith(reverse("account_login"))


# --- Machine suggestions ------------------------------------------------------------------------


class _FakeTranslator(BaseHTTPRequestHandler):
    calls: list = []
    status = 200

    def do_POST(self):
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).calls.append(payload)
        body = json.dumps({"translatedText": f"[{payload['target']}] {payload['q']}"}).encode()
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body if type(self).status == 200 else b'{"error": "no"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_translator(settings):
    _FakeTranslator.calls = []
    _FakeTranslator.status = 200
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeTranslator)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MACHINE_TRANSLATION_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.MACHINE_TRANSLATION_TIMEOUT_SECONDS = 2
    yield _FakeTranslator
    server.shutdown()
    server.server_close()


def test_suggestions_fill_the_empty_fields_and_save_nothing(fake_translator):
    staff = _staff_client()
    pilot = ProjectFactory(title="Flood drill", summary="Two cities.")
    url = _translate_url(_editor_of(pilot), pilot, "zh-hans")

    page = staff.get(url).content.decode()
    response = staff.post(url, {"title_zh_hans": "防洪演练", "action": "suggest"})

    assert "Suggest translation" in page
    html = response.content.decode()
    assert response.status_code == 200
    assert "[zh] Two cities." in html  # the empty summary is filled
    assert "防洪演练" in html  # what the editor typed stays
    assert [call["q"] for call in fake_translator.calls] == ["Two cities."]
    assert fake_translator.calls[0]["source"] == "en"
    assert fake_translator.calls[0]["format"] == "text"
    pilot.refresh_from_db()
    assert (pilot.title_zh_hans, pilot.summary_zh_hans) == (None, None)


def test_a_failing_service_gives_a_clear_message(fake_translator):
    fake_translator.status = 500
    staff = _staff_client()
    pilot = ProjectFactory(summary="Two cities.")

    response = staff.post(_translate_url(_editor_of(pilot), pilot), {"action": "suggest"})

    assert response.status_code == 200
    assert "The translation service refused the request (error 500)." in response.content.decode()


def test_an_unreachable_service_gives_a_clear_message(settings):
    settings.MACHINE_TRANSLATION_URL = "http://127.0.0.1:9"
    staff = _staff_client()
    pilot = ProjectFactory(summary="Two cities.")

    response = staff.post(_translate_url(_editor_of(pilot), pilot), {"action": "suggest"})

    assert response.status_code == 200
    assert "could not be reached" in response.content.decode()


def test_without_a_service_there_is_no_button_and_no_call(settings, fake_translator):
    settings.MACHINE_TRANSLATION_URL = ""
    staff = _staff_client()
    pilot = ProjectFactory(summary="Two cities.")
    url = _translate_url(_editor_of(pilot), pilot)

    page = staff.get(url).content.decode()
    staff.post(url, {"action": "suggest"})

    assert "Suggest translation" not in page
    assert fake_translator.calls == []


# --- The list of missing translations -----------------------------------------------------------


def test_the_list_names_what_lacks_a_language_by_type():
    staff = _staff_client()
    done = ProjectFactory(title="Done", title_fr="Fait", summary="", body="")
    waiting = ProjectFactory(title="Waiting")
    resource = ResourceFactory(title="Guide")

    page = staff.get(
        reverse("editor-translations"), {"language": "fr", "type": "projects.project"}
    ).content.decode()

    assert "Waiting" in page and _translate_url(_editor_of(waiting), waiting) in page
    assert _translate_url(_editor_of(done), done) not in page
    assert _translate_url(_editor_of(resource), resource) not in page


def test_an_item_written_in_french_waits_for_english_not_french():
    staff = _staff_client()
    ProjectFactory(title=None, title_fr="Écrit en français", original_language="fr")

    french = staff.get(reverse("editor-translations"), {"language": "fr"}).content.decode()
    english = staff.get(reverse("editor-translations"), {"language": "en"}).content.decode()

    assert "Écrit en français" not in french
    assert "Écrit en français" in english


def test_the_list_is_for_editors_only(cast):
    for role, expected in (("official", 403), ("partner", 403), ("staff", 200)):
        client = Client()
        client.force_login(cast[role])
        assert client.get(reverse("editor-translations")).status_code == expected, role
    assert Client().get(reverse("editor-translations")).status_code == 302


def _count_list_queries(client):
    client.get(reverse("editor-translations"), {"language": "ar"})
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("editor-translations"), {"language": "ar"})
    return len(queries)


def test_the_list_costs_the_same_queries_at_two_sizes():
    staff = _staff_client()
    _one_of_each_type()
    small = _count_list_queries(staff)
    for _ in range(4):
        _one_of_each_type()

    assert _count_list_queries(staff) == small


def test_an_editor_sees_which_fields_wait_for_the_pages_language():
    staff = _staff_client()
    pilot = ProjectFactory(title="Flood drill", title_fr="Exercice", summary="Two cities.")

    page = staff.get("/fr" + pilot.get_absolute_url()).content.decode()
    anonymous = Client().get("/fr" + pilot.get_absolute_url()).content.decode()

    assert 'class="untranslated-note"' in page
    assert _translate_url(_editor_of(pilot), pilot) in page
    assert 'class="untranslated-note"' not in anonymous


def test_the_fields_waiting_are_listed_with_the_pages_own_comma():
    staff = _staff_client()
    pilot = ProjectFactory(slug="flood-drill", title="Flood drill", summary="Two cities.")

    arabic_list = staff.get("/ar/editor/translations/", {"language": "ar"}).content.decode()
    arabic_page = staff.get("/ar/projects/flood-drill/").content.decode()
    english_list = staff.get("/editor/translations/", {"language": "fr"}).content.decode()

    def fields_listed(html):
        return re.search(r'class="missing-fields">— ([^<]*)<', html)[1]

    note = arabic_page.split('class="untranslated-note"', 1)[1].split("<a ", 1)[0]
    assert "، " in fields_listed(arabic_list) and ", " not in fields_listed(arabic_list)
    assert "، " in note and ", " not in note
    assert ", " in fields_listed(english_list)
    assert pilot.title in english_list


def test_the_edit_form_writes_the_original_language_whatever_the_editor_reads(client):
    staff = StaffUserFactory()
    client.force_login(staff)
    pilot = ProjectFactory(title="Flood drill", title_ar="تمرين الفيضانات")
    url = _editor_of(pilot).address(pilot, "edit")
    before = type(pilot).objects.filter(pk=pilot.pk).values().get()

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
    assert 'value="Flood drill"' in page.content.decode()
    data = form_data(page.content.decode(), form_class="editor-form")
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 302
    with translation.override("en"):  # values() reads `title` in the active language
        after = type(pilot).objects.filter(pk=pilot.pk).values().get()
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }


def test_a_pilots_cities_and_a_partner_citys_pilots_take_the_pages_own_comma(client):
    tripoli = CityFactory(name="Tripoli", slug="tripoli")
    shenzhen = CityFactory(name="Shenzhen", slug="shenzhen")
    for title in ("Flood drill", "Early warning"):
        pilot = ProjectFactory(title=title)
        ProjectCityFactory(project=pilot, city=tripoli)
        ProjectCityFactory(project=pilot, city=shenzhen, role=ProjectCityRole.SHARING)

    def cities_of_pilots(html):
        return " ".join(html.split('class="project-cities">', 1)[1].split("</p>", 1)[0].split())

    def pilots_with_shenzhen(html):
        return html.split('href="/ar/cities/shenzhen/"', 1)[1].split("</li>", 1)[0]

    arabic_list = client.get("/ar/projects/").content.decode()
    english_list = client.get("/projects/").content.decode()
    arabic_city = client.get("/ar/cities/tripoli/").content.decode()

    assert "، " in cities_of_pilots(arabic_list) and ", " not in cities_of_pilots(arabic_list)
    assert ", " in cities_of_pilots(english_list)
    assert "، " in pilots_with_shenzhen(arabic_city)
    assert ", " not in pilots_with_shenzhen(arabic_city)


def test_a_map_citys_clusters_and_who_may_apply_take_the_pages_own_semicolon(client):
    city = CityFactory(name="Tripoli", slug="tripoli")
    for name in ("Water", "Health"):
        ClusterMembershipFactory(city=city, cluster=ClusterFactory(name=name))
    opportunity = OpportunityFactory(eligible_regions=["arab_states"], eligible_countries=["LB"])

    def clusters_of_tripoli(html):
        row = html.split('data-city-slug="tripoli"', 1)[1].split("</tr>", 1)[0]
        return row.rsplit("<td", 1)[1]

    def who_may_apply(html):
        with translation.override("ar"):
            term = f"<dt>{translation.gettext('Who may apply')}</dt><dd>"
        return html.split(term, 1)[1].split("</dd>", 1)[0]

    arabic_map = clusters_of_tripoli(client.get("/ar/map/").content.decode())
    english_map = clusters_of_tripoli(client.get("/map/").content.decode())
    arabic_offer = who_may_apply(
        client.get(f"/ar{opportunity.get_absolute_url()}").content.decode()
    )

    assert "؛ " in arabic_map and "; " not in arabic_map
    assert "; " in english_map
    assert "؛ " in arabic_offer and "; " not in arabic_offer
