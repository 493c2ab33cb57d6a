"""The city profile form in the official's language: hazards typed and shown in it, stored by
key; the official stays on the language's pages; the form says which language its texts are in;
its breadcrumb leads where a city official may go."""

import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cities.services import city_update
from clusters.models import Topic
from core.editor import service_errors_add
from tests.editor.test_city_profile import _profile
from tests.editor.test_round_trip import _city, snapshot
from tests.factories import CityOfficialFactory
from tests.form_data import form_data

pytestmark = pytest.mark.django_db


def _edit_url(city, language="en"):
    with translation.override(language):
        return reverse("cities:edit", kwargs={"slug": city.slug})


def _hazards_field(page: str) -> str:
    return re.search(r'<input[^>]*name="hazards"[^>]*>', page).group(0)


def test_an_arabic_official_saving_the_arabic_form_unchanged_changes_nothing(client):
    city = _city()
    # Known hazards the form shows in Arabic, beside the round-trip test's own tags (whose
    # "séisme", stored as typed, is kept as it is: no "earthquake" here for it to merge into).
    city.hazards.add("flood", "flash flood", "tsunami", "Heatwave")
    client.force_login(CityOfficialFactory(city=city))
    before = snapshot(city)
    url = _edit_url(city, "ar")
    page = client.get(url).content.decode()

    response = client.post(url, form_data(page, form_class="editor-form"))

    assert response.status_code == 302, response.content.decode()[:3000]
    assert snapshot(city) == before


def test_it_shows_the_hazards_in_the_pages_language(client_for, tripoli):
    tripoli.hazards.set(["flood", "flash flood", "sandstorm"])
    client = client_for("official_here")

    arabic = _hazards_field(client.get(_edit_url(tripoli, "ar")).content.decode())
    english = _hazards_field(client.get(_edit_url(tripoli)).content.decode())

    # Names with a space unquoted: beside a comma, names are split on commas only.
    assert 'value="sandstorm, فيضان, فيضان مفاجئ"' in arabic
    assert 'value="flash flood, flood, sandstorm"' in english


@pytest.mark.parametrize(
    ("language", "typed"),
    [("ar", "فيضان، زلزال، عاصفة رملية"), ("fr", "Inondation, Séisme, tempête de sable")],
)
def test_it_stores_known_hazards_typed_in_any_language_by_key(client_for, tripoli, language, typed):
    client = client_for("official_here")

    response = client.post(_edit_url(tripoli, language), _profile(hazards=typed))

    assert response.status_code == 302
    unknown = {"ar": "عاصفة رملية", "fr": "tempête de sable"}[language]
    assert set(tripoli.hazards.names()) == {"flood", "earthquake", unknown}


def test_saving_from_the_arabic_form_leads_back_to_the_arabic_city_page(client_for, tripoli):
    client = client_for("official_here")

    response = client.post(_edit_url(tripoli, "ar"), _profile(), follow=True)

    assert response.redirect_chain[0] == ("/ar/cities/tripoli/", 302)
    # The message is in Arabic too ("Saved."), not in the city's original language.
    assert "تم الحفظ." in response.content.decode()


def test_saving_from_the_english_form_leads_back_to_the_english_city_page(client_for, tripoli):
    response = client_for("official_here").post(_edit_url(tripoli), _profile())

    assert response.status_code == 302
    assert response["Location"] == "/cities/tripoli/"


def _breadcrumbs(page: str) -> str:
    return re.search(r'<nav class="breadcrumbs".*?</nav>', page, re.S).group(0)


def test_a_city_officials_breadcrumb_leads_to_my_portal_not_the_editors_desk(client_for, tripoli):
    crumbs = _breadcrumbs(client_for("official_here").get(_edit_url(tripoli)).content.decode())

    assert 'href="/me/"' in crumbs and "My portal" in crumbs
    assert "/editor/" not in crumbs
    assert "Profile of Tripoli" in crumbs


def test_the_arabic_breadcrumb_leads_to_the_arabic_my_portal(client_for, tripoli):
    crumbs = _breadcrumbs(
        client_for("official_here").get(_edit_url(tripoli, "ar")).content.decode()
    )

    assert 'href="/ar/me/"' in crumbs and "بوابتي" in crumbs


def test_staffs_breadcrumb_still_leads_to_the_editors_desk(client_for, tripoli):
    crumbs = _breadcrumbs(client_for("editor").get(_edit_url(tripoli)).content.decode())

    assert 'href="/editor/"' in crumbs


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("ar", "لغة نصوص هذا النموذج: الإنجليزية"),
        ("fr", "Langue des textes de ce formulaire : anglais"),
    ],
)
def test_it_says_the_texts_are_in_the_citys_language_on_another_languages_page(
    client_for, tripoli, language, note
):
    page = client_for("official_here").get(_edit_url(tripoli, language)).content.decode()

    assert note in page
    # Above the text fields.
    assert page.index(note) < page.index('name="summary"')


def test_it_says_nothing_when_the_page_is_in_the_citys_language(client_for, tripoli):
    page = client_for("official_here").get(_edit_url(tripoli)).content.decode()

    assert "Language of this form's texts" not in page


def test_it_names_an_arabic_citys_language_on_the_english_page(client_for, tripoli):
    type(tripoli).objects.filter(pk=tripoli.pk).update(original_language="ar")

    page = client_for("official_here").get(_edit_url(tripoli)).content.decode()

    assert "Language of this form&#x27;s texts: Arabic, the city&#x27;s original language." in page


def test_it_shows_a_hazard_and_its_old_spelling_once(client_for, tripoli):
    tripoli.hazards.set(["flood", "فيضان"])

    page = client_for("official_here").get(_edit_url(tripoli, "ar")).content.decode()

    assert 'value="فيضان"' in _hazards_field(page)


def test_a_city_official_s_translation_page_leads_back_to_my_portal_not_the_desk():
    """The form's note sends the official to its translation pages; their breadcrumb must not
    lead to the editor's desk, which refuses a city official."""
    from django.test import Client

    from cities.editors import CITY_EDITOR
    from tests.factories import CityFactory

    city = CityFactory()
    client = Client()
    client.force_login(CityOfficialFactory(city=city))

    page = client.get(CITY_EDITOR.address(city, "translate", language="fr"))

    assert page.status_code == 200
    html = page.content.decode()

    assert 'href="/me/"' in html
    assert 'href="/editor/"' not in html


def test_an_error_worded_when_found_reads_in_the_pages_language(client_for, tripoli):
    # The form is checked in Tripoli's original language (English); Django words a list's
    # duplicate rows as it finds them, so the Arabic form said "Please correct the duplicate
    # data for topic." in English.
    topic = Topic.objects.first()
    twice = {
        "needs-TOTAL_FORMS": "2",
        **{f"needs-{n}-topic": str(topic.pk) for n in (0, 1)},
        **{f"needs-{n}-note": f"Note {n}" for n in (0, 1)},
    }

    response = client_for("official_here").post(_edit_url(tripoli, "ar"), _profile(**twice))

    assert response.status_code == 400
    page = response.content.decode()
    with translation.override("ar"):
        arabic = gettext("Please correct the duplicate values below.")
    assert arabic in page
    assert "Please correct the duplicate" not in page
    # The texts typed are shown as typed, and nothing was saved.
    assert "Note 1" in page
    assert not tripoli.needs.exists()


def test_a_services_refusal_is_worded_in_the_language_it_is_read_in(tripoli):
    # The editor runs the service in the item's original language and shows the refusal in the
    # page's: the service's errors stay untranslated until they are read.
    topic = Topic.objects.first()
    rows = [{"topic": topic, "note": "a"}, {"topic": topic, "note": "b"}]
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        city_update(city=tripoli, actor=None, data={}, needs=rows)

    form = forms.Form(data={})
    form.is_valid()
    with translation.override("en"):
        service_errors_add(form, refused.value)

    with translation.override("ar"):
        assert refused.value.message_dict["needs"] == [
            "لا يمكن أن يظهر كل موضوع إلا مرة واحدة في القائمة."
        ]
        assert "لا يمكن أن يظهر كل موضوع إلا مرة واحدة في القائمة." in str(form.non_field_errors())


def test_a_refusal_that_depends_on_the_language_is_still_shown_on_another_languages_form(client):
    # A cluster's name is unique in its original language: renaming the public-health cluster to
    # the DRR cluster's English name from the Arabic form is refused, and the page must say why
    # (a second check in Arabic would compare the Arabic names and find nothing wrong).
    from clusters.models import Cluster
    from tests.factories import StaffUserFactory

    health, drr = Cluster.objects.order_by("order")[:2]
    client.force_login(StaffUserFactory())
    with translation.override("ar"):
        url = reverse("clusters:edit", kwargs={"slug": health.slug})
    data = form_data(client.get(url).content.decode(), form_class="editor-form")
    data["name"] = drr.name_en

    response = client.post(url, data)

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    health.refresh_from_db()
    assert health.name_en != drr.name_en
