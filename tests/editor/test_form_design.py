"""One form design: labels above fields, errors tied to their field and summed up at the top,
"Add another" rows without JavaScript, searchable long selects, a city's photo and contact."""

import io
import re

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.forms import all_errors
from events.models import Event
from tests.factories import CityOfficialFactory, EventFactory, ProjectFactory
from tests.form_data import form_data

pytestmark = pytest.mark.django_db


def _rows_total(html: str, prefix: str) -> int:
    return int(re.search(rf'name="{prefix}-TOTAL_FORMS" value="(\d+)"', html).group(1))


def test_a_refused_form_sums_up_its_errors_and_ties_each_to_its_field(editor_client):
    response = editor_client.post(reverse("events:series-create"), {"title": "", "start_year": "x"})

    html = response.content.decode()
    assert response.status_code == 400
    summary = html[html.index('class="error-summary"') :]
    assert "There is a problem" in summary
    assert 'href="#id_title"' in summary and 'href="#id_start_year"' in summary
    title_input = re.search(r"<input[^>]*id=\"id_title\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in title_input
    assert "id_title_error" in title_input
    assert 'id="id_title_error"' in html


@pytest.mark.parametrize(
    ("prefix", "summed_up"),
    [
        ("", "Title: This field is required."),
        ("/fr", "Titre : Ce champ est obligatoire."),
        ("/zh-hans", "标题：该字段是必填项。"),
    ],
)
def test_the_summary_joins_label_and_error_with_the_readers_colon(editor_client, prefix, summed_up):
    response = editor_client.post(prefix + reverse("events:series-create"), {"title": ""})

    summary = response.content.decode().split('class="error-summary"')[1].split("</div>")[0]
    assert summed_up in summary


@pytest.mark.parametrize(
    ("label", "summed_up"),
    [
        ("What would you like to do?", "What would you like to do: This field is required."),
        # Arabic's question mark (U+061F) and the full-width one give way to the colon too.
        ("ماذا تودّ أن تفعل\u061f", "ماذا تودّ أن تفعل: This field is required."),
        ("您想做什么\uff1f", "您想做什么: This field is required."),
    ],
)
def test_a_question_label_loses_its_question_mark_in_the_summary(label, summed_up):
    class Question(forms.Form):
        wish = forms.CharField(label=label)

    assert all_errors(Question({})) == [("#id_wish", summed_up)]


def test_labels_come_first_and_say_what_may_be_left_empty(editor_client):
    html = editor_client.get(reverse("projects:create")).content.decode()

    title_label = html.index('<label class="form-label" for="id_title">')
    assert title_label < html.index('id="id_title"')
    summary_label = html[html.index('for="id_summary"') :][:200]
    assert "(optional)" in summary_label
    assert "Save to get more empty rows" not in html


def test_add_another_row_without_javascript_keeps_what_was_typed_and_saves_nothing(
    editor_client,
):
    page = editor_client.get(reverse("projects:create")).content.decode()
    data = form_data(page, form_class="editor-form")
    rows_before = _rows_total(page, "cities")
    data.update({"title": "Half-typed pilot", "action": "add-cities"})

    response = editor_client.post(reverse("projects:create"), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert _rows_total(html, "cities") == rows_before + 1
    assert 'value="Half-typed pilot"' in html
    assert "There is a problem" not in html
    assert "Remove this row" in html


def test_long_selects_are_searchable_and_text_follows_its_own_direction(editor_client):
    ProjectFactory()
    html = editor_client.get(reverse("events:create")).content.decode()

    time_zone = re.search(r"<select[^>]*name=\"time_zone\"[^>]*>", html).group(0)
    assert "data-searchable" in time_zone
    title = re.search(r"<input[^>]*name=\"title\"[^>]*>", html).group(0)
    assert 'dir="auto"' in title


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#1f6fb2").save(buffer, "PNG")
    return SimpleUploadedFile("harbour.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def official_client(client, tripoli):
    client.force_login(CityOfficialFactory(city=tripoli))
    return client


def _city_form(client, city):
    url = reverse("cities:edit", kwargs={"slug": city.slug})
    return url, form_data(client.get(url).content.decode(), form_class="editor-form")


def test_a_city_official_adds_a_photo_only_with_a_description(
    official_client, tripoli, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    url, data = _city_form(official_client, tripoli)

    refused = official_client.post(url, {**data, "photo": _png(), "photo_alt": ""})
    assert refused.status_code == 400
    assert "Describe what the photo shows." in refused.content.decode()

    accepted = official_client.post(
        url, {**data, "photo": _png(), "photo_alt": "Tripoli's harbour at dawn"}
    )
    assert accepted.status_code == 302
    page = official_client.get(tripoli.get_absolute_url()).content.decode()
    assert 'alt="Tripoli&#x27;s harbour at dawn"' in page


def test_a_city_official_publishes_a_contact_point(official_client, tripoli):
    url, data = _city_form(official_client, tripoli)
    data.update(
        {
            "contact_name": "Rania Haddad",
            "contact_role": "Disaster risk focal point",
            "contact_email": "drr@tripoli.example.org",
        }
    )

    assert official_client.post(url, data).status_code == 302

    page = official_client.get(tripoli.get_absolute_url()).content.decode()
    assert "Rania Haddad, Disaster risk focal point" in page
    assert 'href="mailto:drr@tripoli.example.org"' in page


def test_the_event_editor_names_time_zones_by_city_in_the_editors_language(editor_client):
    html = editor_client.get("/fr" + reverse("events:create")).content.decode()

    assert '<option value="Asia/Beirut">Beyrouth, \u2066UTC+' in html
    assert "\u2069 (Asia/Beirut)</option>" in html


def test_the_event_editor_offers_each_place_once_and_keeps_an_events_old_zone(editor_client):
    html = editor_client.get(reverse("events:create")).content.decode()
    assert "(Asia/Calcutta)" not in html and "(Asia/Kolkata)" in html

    event = EventFactory(time_zone="Asia/Calcutta")
    url = reverse("events:edit", kwargs={"slug": event.slug})
    page = editor_client.get(url).content.decode()
    assert '<option value="Asia/Calcutta" selected>' in page
    editor_client.post(url, form_data(page, form_class="editor-form"))
    assert Event.objects.get(pk=event.pk).time_zone == "Asia/Calcutta"
