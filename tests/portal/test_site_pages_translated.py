"""The five site pages come in the six languages: an Arabic reader gets the privacy notice and
the terms of use in Arabic, with links that stay in Arabic, and the editor's desk names the
pages in its reader's language. A translation staff wrote is never replaced."""

import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from core.content_language import language_codes
from core.i18n import path_in_language
from portal.models import SitePage
from portal.site_page_texts import site_page_translations
from portal.site_pages import ACCESSIBILITY, SITE_PAGES, SLUGS, site_pages_translations_fill
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code in language_codes() if code != "en"]
ENGLISH = {page["slug"]: page for page in SITE_PAGES}
LINK = re.compile(r"\]\((/[^)]*)\)")


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_site_page_is_written_in_every_language(language):
    column = language.replace("-", "_")

    for page in SitePage.objects.all():
        for field in ("title", "summary", "body"):
            assert getattr(page, f"{field}_{column}"), f"{page.slug} has no {field} in {language}"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_a_translation_keeps_the_pages_headings_lists_and_links_in_its_language(language, slug):
    english = ENGLISH[slug]["body"]
    translated = site_page_translations()[language][slug]["body"]

    assert translated.count("\n## ") == english.count("\n## ")
    assert re.findall(r"^- ", translated, re.M) == re.findall(r"^- ", english, re.M)
    assert translated.count("mailto:") == english.count("mailto:")
    assert LINK.findall(translated) == [
        path_in_language(p, language) for p in LINK.findall(english)
    ]


def prose(html: str) -> str:
    return html.split('<div class="prose">')[1].split("</div>")[0]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_a_translated_page_renders_its_emphasis(language, slug):
    # A "**" left as typed (bold closed against a Chinese full stop, say) would show as is.
    html = Client().get(path_in_language(f"/pages/{slug}/", language)).content.decode()

    assert "**" not in prose(html)
    assert "<strong>" in prose(html) or "**" not in site_page_translations()[language][slug]["body"]


def test_the_arabic_privacy_notice_reads_in_arabic():
    html = Client().get("/ar/pages/privacy/").content.decode()

    assert f"<h1>{site_page_translations()['ar']['privacy']['title']}</h1>" in html
    # Not the English original marked as a fallback.
    assert 'lang="en"' not in prose(html)


def test_the_arabic_contact_page_links_to_arabic_pages():
    links = re.findall(
        r'href="(/[^"]*)"', prose(Client().get("/ar/pages/contact/").content.decode())
    )

    assert links == [
        "/ar/collaborate/",
        "/ar/accounts/profile/",
        "/ar/pages/accessibility/",
        "/ar/pages/privacy/",
    ]


def test_the_arabic_desk_names_the_site_pages_in_arabic():
    client = Client()
    client.force_login(StaffUserFactory())

    html = client.get("/ar/editor/").content.decode()

    for slug in SLUGS:
        title = site_page_translations()["ar"][slug]["title"]
        assert f'<a href="/ar/pages/{slug}/edit/">{title}</a>' in html


def test_a_translation_staff_wrote_is_kept():
    page = SitePage.objects.get(slug="terms")
    SitePage.objects.filter(pk=page.pk).update(title_fr="Conditions (révisées)", body_fr="")

    filled = site_pages_translations_fill(SitePage)

    page.refresh_from_db()
    assert page.title_fr == "Conditions (révisées)"
    assert page.body_fr == site_page_translations()["fr"]["terms"]["body"].strip()
    assert filled == ["terms:fr"]


def test_the_accessibility_statement_loses_its_outdated_line_only_where_untouched():
    migration = importlib.import_module("portal.migrations.0006_site_pages_translated")
    seeded = ENGLISH[ACCESSIBILITY]["body"].strip()
    outdated = seeded.replace(migration.NEW_LINES, migration.OLD_LINE)
    assert outdated != seeded
    # The models as the migration sees them: no translated fields rewritten to a language's.
    state = MigrationExecutor(connection).loader.project_state(
        ("portal", "0006_site_pages_translated")
    )
    historical = state.apps.get_model("portal", "SitePage")
    historical.objects.filter(slug=ACCESSIBILITY).update(body=outdated, body_en=outdated)
    schema_editor = SimpleNamespace(connection=connection)

    migration.accessibility_statement_corrected(state.apps, schema_editor)

    page = historical.objects.get(slug=ACCESSIBILITY)
    assert page.body == page.body_en == seeded
    assert "still being completed" not in page.body_en

    # A statement staff edited keeps every word of theirs.
    edited = outdated + "\n\nReviewed by our team in 2026."
    historical.objects.filter(slug=ACCESSIBILITY).update(body=edited, body_en=edited)
    migration.accessibility_statement_corrected(state.apps, schema_editor)
    assert historical.objects.get(slug=ACCESSIBILITY).body == edited
    assert SitePage.objects.get(slug=ACCESSIBILITY).body_en == edited


def test_no_translation_is_written_beside_an_english_text_staff_changed():
    # The French of the old privacy notice must not stand beside a new English one.
    SitePage.objects.filter(slug="privacy").update(
        body_en="A new privacy notice.", body_fr="", title_fr=""
    )

    site_pages_translations_fill(SitePage)

    page = SitePage.objects.get(slug="privacy")
    assert page.body_fr == ""
    assert page.title_fr == site_page_translations()["fr"]["privacy"]["title"]


def test_a_translation_staff_emptied_stays_empty_when_migrate_runs_again():
    from portal.apps import restore_seeded_rows_when_emptied

    SitePage.objects.filter(slug="terms").update(title_ar="", summary_ar="", body_ar="")

    restore_seeded_rows_when_emptied(apps, "default")

    assert SitePage.objects.get(slug="terms").body_ar == ""
