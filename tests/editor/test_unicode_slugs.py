"""Slugs from titles in any script: dashes stay word breaks, non-Latin titles get a readable slug,
and a saved slug never changes when the item is edited."""

import pytest
from django.urls import reverse

from core.slugs import slug_from_text
from events.models import TrainingSeries
from projects.collaboration_services import _unique_project_slug
from tests.factories import ProjectFactory, TrainingSeriesFactory
from tests.form_data import form_data


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Kathmandu\u2013Da Nang", "kathmandu-da-nang"),  # en dash
        ("Kathmandu\u2014Da Nang", "kathmandu-da-nang"),  # em dash
        ("Tripoli \u2013 Shenzhen", "tripoli-shenzhen"),
        ("Hà Nội and São Paulo", "ha-noi-and-sao-paulo"),
        ("Ханой — Дананг", "khanoy-danang"),
        ("طرابلس", "trbls"),
        ("深圳减灾", "shen-zhen-jian-zai"),
        ("Climate/Health", "climate-health"),
    ],
)
def test_a_title_gives_a_readable_ascii_slug(title, slug):
    assert slug_from_text(title) == slug


@pytest.mark.parametrize("title", ["حوكمة مخاطر الكوارث في طرابلس", "深圳与的黎波里的减灾合作"])
def test_an_arabic_or_chinese_title_gives_a_stable_non_empty_slug(title):
    slug = slug_from_text(title)
    assert slug and slug == slug_from_text(title)
    assert slug.isascii() and "--" not in slug and not slug.startswith("-")


def _create_series(client, title, slug=""):
    return client.post(
        reverse("events:series-create"),
        {
            "title": title,
            "slug": slug,
            "start_year": "2024",
            "sessions_required_for_certificate": "0",
        },
    )


def test_the_editor_makes_the_slug_with_dashes_kept(editor_client):
    assert _create_series(editor_client, "Kathmandu\u2013Da Nang exchange").status_code == 302
    assert _create_series(editor_client, "تبادل طرابلس وشنتشن").status_code == 302
    assert _create_series(editor_client, "深圳培训").status_code == 302

    slugs = set(TrainingSeries.objects.values_list("slug", flat=True))
    assert {"kathmandu-da-nang-exchange", "tbdl-trbls-wshntshn", "shen-zhen-pei-xun"} <= slugs
    # Each opens at its address.
    for slug in ("kathmandu-da-nang-exchange", "tbdl-trbls-wshntshn", "shen-zhen-pei-xun"):
        assert editor_client.get(f"/events/series/{slug}/edit/").status_code == 200


def test_editing_the_title_with_the_slug_emptied_keeps_the_saved_slug(editor_client):
    series = TrainingSeriesFactory(title="Old title", slug="old-title")
    url = reverse("events:series-edit", kwargs={"slug": series.slug})

    page = editor_client.get(url).content.decode()
    data = form_data(page, form_class="editor-form")
    response = editor_client.post(url, {**data, "title": "A completely new title", "slug": ""})

    assert "Leave empty to keep the current address." in page
    assert response.status_code == 302
    series.refresh_from_db()
    assert (series.title, series.slug) == ("A completely new title", "old-title")


@pytest.mark.django_db
def test_a_pilot_made_from_a_collaboration_request_gets_the_same_slugs():
    ProjectFactory(slug="kathmandu-da-nang")

    assert _unique_project_slug("Kathmandu\u2013Da Nang") == "kathmandu-da-nang-2"
    assert _unique_project_slug("深圳") == "shen-zhen"
    assert _unique_project_slug("\u2014") == "pilot"
