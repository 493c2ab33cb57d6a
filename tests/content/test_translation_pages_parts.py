"""The translation pages of what has no edit page of its own: a pilot's milestones (written in
the pilot's form) and organizations (written in the admin), plus how editors reach them and the
pilot updates' pages from the pilot's edit page."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.editor import editor_for
from core.models import PublicationStatus
from projects.models import Milestone
from tests.content.test_translation_pages import _fields_of, fake_translator  # noqa: F401
from tests.factories import (
    CityFactory,
    CityOfficialFactory,
    MilestoneFactory,
    OrganizationFactory,
    PartnerFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ProjectUpdateFactory,
    StaffUserFactory,
)
from tests.form_data import form_data

pytestmark = pytest.mark.django_db


def _url(obj, language="fr"):
    # The English address (no prefix): the same path ends every language's address.
    with translation.override("en"):
        return editor_for(obj).address(obj, "translate", language=language)


def _staff():
    client = Client()
    client.force_login(StaffUserFactory())
    return client


def _milestone(**kwargs):
    return MilestoneFactory(
        title="Evacuation drill", description="Both cities rehearse the plan.", **kwargs
    )


def _organization(**kwargs):
    return OrganizationFactory(description="A disaster-risk agency.", **kwargs)


# --- Who may translate them ---------------------------------------------------------------------


@pytest.fixture
def cast():
    organization = _organization()
    pilot = ProjectFactory()
    ProjectPartnerFactory(project=pilot, organization=organization)
    city = CityFactory()
    return {
        "milestone": _milestone(project=pilot),
        "organization": organization,
        "official": CityOfficialFactory(city=city),
        "partner": PartnerFactory(organization=organization),
        "other_partner": PartnerFactory(),
        "staff": StaffUserFactory(),
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", (302, 302)),
        ("official", (403, 403)),
        ("partner", (403, 403)),
        ("other_partner", (403, 403)),
        ("staff", (200, 302)),
    ],
)
@pytest.mark.parametrize("item", ["milestone", "organization"])
def test_who_may_translate_milestones_and_organizations(cast, role, expected, item):
    obj = cast[item]
    client = Client()
    if role != "anonymous":
        client.force_login(cast[role])
    url = _url(obj)

    statuses = (
        client.get(url).status_code,
        client.post(url, {"description_fr": "Écrit par qui ?", "action": "save"}).status_code,
    )

    assert statuses == expected
    obj.refresh_from_db()
    assert (obj.description_fr == "Écrit par qui ?") is (role == "staff")


# --- What they save -----------------------------------------------------------------------------


@pytest.mark.parametrize("make", [_milestone, _organization])
def test_submitted_unchanged_changes_nothing(make):
    obj = make()
    obj.description_fr = "Déjà traduit."
    obj.save()
    client = _staff()
    before = type(obj).objects.filter(pk=obj.pk).values().get()
    history_before = obj.history.count()

    data = _fields_of(client.get(_url(obj)).content.decode())
    response = client.post(_url(obj), {**data, "action": "save"})

    assert data["description_fr"] == "Déjà traduit."
    assert response.status_code == 302
    assert type(obj).objects.filter(pk=obj.pk).values().get() == before
    assert obj.history.count() == history_before


@pytest.mark.parametrize("make", [_milestone, _organization])
def test_history_names_the_language_written(make):
    obj = make()
    client = _staff()

    client.post(_url(obj, "ar"), {"description_ar": "نص عربي", "action": "save"})

    latest = obj.history.first()
    changes = latest.diff_against(latest.prev_record).changes
    assert [change.field for change in changes] == ["description_ar"]
    history = client.get(editor_for(obj).address(obj, "history")).content.decode()
    assert "description_ar" in history or "نص عربي" in history


def test_a_milestone_of_a_published_pilot_is_published_by_the_button_that_says_so(client):
    milestone = _milestone()
    staff = _staff()

    page = staff.get(_url(milestone)).content.decode()
    response = staff.post(
        _url(milestone), {"title_fr": "Exercice d'évacuation", "action": "save"}, follow=True
    )

    assert "Publish translation" in page and "Preview" in page
    assert "The translation is published." in response.content.decode()
    public = client.get("/fr" + milestone.project.get_absolute_url()).content.decode()
    assert "Exercice d&#x27;évacuation" in public


def test_a_milestone_of_a_draft_pilot_waits_with_its_pilot(client):
    pilot = ProjectFactory(status=PublicationStatus.DRAFT, published_at=None)
    milestone = _milestone(project=pilot)
    staff = _staff()

    page = staff.get(_url(milestone)).content.decode()
    response = staff.post(_url(milestone), {"title_fr": "Exercice", "action": "save"}, follow=True)

    assert "Save translation" in page and "Publish translation" not in page
    assert "Draft — not visible to the public" in page
    assert "Translation saved with the draft." in response.content.decode()
    assert Milestone.objects.get().title_fr == "Exercice"
    assert client.get("/fr" + pilot.get_absolute_url()).status_code == 404


def test_a_milestone_preview_shows_the_pilot_page_and_keeps_nothing():
    milestone = _milestone()

    preview = _staff().post(_url(milestone), {"title_fr": "Exercice", "action": "preview"})

    assert "Exercice" in preview.content.decode()
    assert Milestone.objects.get().title_fr is None


def test_an_organizations_page_has_no_preview_button_but_publishes_at_once():
    organization = _organization()

    page = _staff().get(_url(organization)).content.decode()

    assert "Publish translation" in page
    assert 'value="preview"' not in page


# --- The public pages in French and Arabic ------------------------------------------------------


def test_translated_milestones_show_on_the_pilot_page_in_french_and_arabic(client):
    milestone = _milestone()
    staff = _staff()
    staff.post(_url(milestone, "fr"), {"title_fr": "Exercice d’évacuation", "action": "save"})
    staff.post(
        _url(milestone, "ar"),
        {"title_ar": "تمرين الإخلاء", "description_ar": "تتدرب المدينتان.", "action": "save"},
    )
    path = milestone.project.get_absolute_url()

    french = client.get("/fr" + path).content.decode()
    arabic = client.get("/ar" + path).content.decode()

    assert "Exercice d’évacuation" in french
    # Not translated into French: the English description, marked as English.
    assert '<div lang="en" dir="ltr"><p dir="auto">Both cities rehearse the plan.</p>' in french
    assert "تمرين الإخلاء" in arabic and "تتدرب المدينتان." in arabic
    assert "Evacuation drill" not in arabic


def test_translated_descriptions_show_on_the_partner_page_in_french_and_arabic(client):
    organization = _organization()
    staff = _staff()
    staff.post(_url(organization, "fr"), {"description_fr": "Une agence.", "action": "save"})
    staff.post(_url(organization, "ar"), {"description_ar": "وكالة.", "action": "save"})
    path = organization.get_absolute_url()

    assert "Une agence." in client.get("/fr" + path).content.decode()
    arabic = client.get("/ar" + path).content.decode()
    assert "وكالة." in arabic and "A disaster-risk agency." not in arabic
    # Spanish has nothing yet: the English text, marked as English.
    spanish = client.get("/es" + path).content.decode()
    assert '<div lang="en" dir="ltr"><p dir="auto">A disaster-risk agency.</p>' in spanish


# --- How editors find them ----------------------------------------------------------------------


def test_the_missing_list_offers_milestones_and_organizations_by_type_and_language():
    milestone = _milestone()
    organization = _organization()
    done = _organization(description_ar="وصف")
    staff = _staff()

    def listed(type_, language):
        return staff.get(
            reverse("editor-translations"), {"language": language, "type": type_}
        ).content.decode()

    milestones = listed("projects.milestone", "ar")
    organizations = listed("accounts.organization", "ar")
    assert _url(milestone, "ar") in milestones and _url(organization, "ar") not in milestones
    assert _url(organization, "ar") in organizations
    assert _url(done, "ar") not in organizations
    assert _url(done, "fr") in listed("accounts.organization", "fr")


def test_the_pilots_edit_page_links_to_its_milestones_and_updates_translations():
    pilot = ProjectFactory()
    milestone = _milestone(project=pilot)
    update = ProjectUpdateFactory(project=pilot, body="News.")

    page = _staff().get(editor_for(pilot).address(pilot, "edit")).content.decode()

    for code in ("fr", "es", "ar", "zh-hans", "ru"):
        assert _url(milestone, code) in page
        assert _url(update, code) in page
        assert _url(pilot, code) in page


def test_saving_the_pilot_unchanged_keeps_its_milestones_translations():
    milestone = _milestone()
    milestone.title_fr = "Exercice"
    milestone.save()
    staff = _staff()
    url = editor_for(milestone.project).address(milestone.project, "edit")

    data = form_data(staff.get(url).content.decode(), form_class="editor-form")
    response = staff.post(url, data)

    assert response.status_code == 302
    assert Milestone.objects.get().title_fr == "Exercice"


def test_organizations_are_reached_from_the_admin_and_the_partner_page(client, admin_client):
    organization = _organization()
    staff = _staff()

    admin = admin_client.get(reverse("admin:accounts_organization_change", args=[organization.pk]))
    partner_page = staff.get("/ar" + organization.get_absolute_url()).content.decode()
    anonymous = client.get("/ar" + organization.get_absolute_url()).content.decode()

    assert _url(organization, "ar") in admin.content.decode()
    assert _url(organization, "ar") in partner_page
    assert _url(organization, "ar") not in anonymous
    translate_page = staff.get(_url(organization)).content.decode()
    assert reverse("admin:accounts_organization_change", args=[organization.pk]) in translate_page


def test_a_milestone_gets_machine_suggestions_for_review(fake_translator):  # noqa: F811
    milestone = _milestone()
    staff = _staff()

    page = staff.get(_url(milestone, "es")).content.decode()
    response = staff.post(_url(milestone, "es"), {"action": "suggest"})

    assert "Suggest translation" in page
    assert "[es] Evacuation drill" in response.content.decode()
    assert Milestone.objects.get().title_es is None


def test_the_missing_list_costs_the_same_queries_with_more_milestones_and_organizations():
    staff = _staff()

    def count():
        staff.get(reverse("editor-translations"), {"language": "ar"})
        with CaptureQueriesContext(connection) as queries:
            page = staff.get(reverse("editor-translations"), {"language": "ar"})
        return len(queries), page.content.decode()

    _milestone()
    _organization()
    small, _page = count()
    for _ in range(4):
        _milestone()
        _organization()
    large, page = count()

    assert large == small
    assert page.count("/milestones/") == 5
