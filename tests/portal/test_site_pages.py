"""About, contact, privacy, terms and accessibility: there after migrate, linked from every
page's footer, rendered from Markdown safely, and edited by UN staff only."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.page_cache import GENERATION_KEY
from portal.demo.services import demo_content_load
from portal.models import SitePage
from portal.site_pages import SLUGS
from tests.factories import (
    CityOfficialFactory,
    PartnerFactory,
    StaffUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

FOOTER_LABELS = {
    "about": "About",
    "contact": "Contact",
    "privacy": "Privacy",
    "terms": "Terms of use",
    "accessibility": "Accessibility",
}


def _footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


def test_a_fresh_site_has_the_five_pages_after_migrate():
    # The test database is built by the migrations alone: no demo loaded.
    assert set(SitePage.objects.values_list("slug", flat=True)) >= set(SLUGS)


@pytest.mark.parametrize("path", ["/", "/clusters/", "/accounts/login/"])
def test_every_page_s_footer_links_the_five_pages(client, path):
    footer = _footer(client.get(path).content.decode())

    for slug, label in FOOTER_LABELS.items():
        assert f'<a href="/pages/{slug}/">{label}</a>' in footer


@pytest.mark.parametrize("slug", SLUGS)
def test_each_page_renders_its_markdown_as_headings_and_links(client, slug):
    page = SitePage.objects.get(slug=slug)

    response = client.get(f"/pages/{slug}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{page.title}</h1>" in html
    assert '<h2 dir="auto">' in html  # "## ..." became a heading
    assert "**" not in html[html.index("<main") :]  # no raw Markdown left
    assert f"<title>{page.title} · South-South Cities Clusters</title>" in html
    assert f'<meta property="og:title" content="{page.title}">' in html


def test_the_demo_text_is_written_for_this_portal(client):
    accessibility = client.get("/pages/accessibility/").content.decode()
    contact = client.get("/pages/contact/").content.decode()
    privacy = client.get("/pages/privacy/").content.decode()
    about = client.get("/pages/about/").content.decode()

    assert "WCAG" in accessibility and "2.1" in accessibility and "level AA" in accessibility
    assert "Report a problem" in accessibility and 'href="mailto:' in accessibility
    assert 'href="mailto:' in contact and 'href="/collaborate/"' in contact
    assert "Download" in privacy and "email address" in privacy and "UNOSSC" in privacy
    assert "Tripoli" in about and "Shenzhen" in about and "NDRCC" in about


def test_an_unknown_page_is_a_404(client):
    assert client.get("/pages/no-such-page/").status_code == 404


def test_a_page_s_markdown_cannot_run_script(client):
    SitePage.objects.filter(slug="terms").update(
        body='Hello <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="y">'
    )

    html = client.get("/pages/terms/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]

    assert "<script>alert" not in main and "javascript:" not in main and "onerror" not in main


def test_load_demo_puts_back_a_missing_page_and_never_overwrites_an_edited_one():
    SitePage.objects.filter(slug="privacy").delete()
    SitePage.objects.filter(slug="about").update(body="Our own words.")

    demo_content_load()

    assert SitePage.objects.filter(slug="privacy").exists()
    assert SitePage.objects.get(slug="about").body == "Our own words."


# --- Editing: UN staff only ----------------------------------------------------------------------


@pytest.fixture
def cast():
    partner = PartnerFactory(email="partner@example.org")
    return {
        "anonymous": None,
        "plain": UserFactory(email="plain@example.org"),
        "official": CityOfficialFactory(email="official@example.org"),
        "partner": partner,
        "other_partner": PartnerFactory(email="other@example.org"),
        "staff": StaffUserFactory(email="editor@example.org"),
    }


EDIT_ANSWERS = {
    "anonymous": 302,
    "plain": 403,
    "official": 403,
    "partner": 403,
    "other_partner": 403,
    "staff": 200,
}


@pytest.mark.parametrize(("role", "expected"), EDIT_ANSWERS.items())
@pytest.mark.parametrize("action", ["edit", "history"])
def test_only_un_staff_open_a_page_s_editor(client, cast, role, expected, action):
    if cast[role]:
        client.force_login(cast[role])

    response = client.get(reverse(f"portal:page-{action}", kwargs={"slug": "about"}))

    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(("role", "expected"), EDIT_ANSWERS.items())
def test_only_un_staff_change_a_page(client, cast, role, expected):
    if cast[role]:
        client.force_login(cast[role])
    before = SitePage.objects.get(slug="about").body

    response = client.post(
        reverse("portal:page-edit", kwargs={"slug": "about"}),
        {"title": "About us", "summary": "", "body": "New **text**."},
    )

    page = SitePage.objects.get(slug="about")
    if role == "staff":
        assert response.status_code == 302
        assert response["Location"] == "/pages/about/"
        assert (page.title, page.body) == ("About us", "New **text**.")
        assert page.history.first().history_user == cast["staff"]
        assert "<strong>text</strong>" in client.get("/pages/about/").content.decode()
    else:
        assert response.status_code == expected
        assert page.body == before


@pytest.mark.parametrize("role", ["plain", "official", "partner", "other_partner", "staff"])
def test_the_admin_is_for_django_staff_only(client, cast, role):
    # UN staff without Django's is_staff edit through the editorial page, not the admin.
    client.force_login(cast[role])
    page = SitePage.objects.get(slug="about")

    response = client.get(reverse("admin:portal_sitepage_change", args=[page.pk]))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_admin_changes_a_page_through_the_service_and_keeps_its_address(admin_client):
    page = SitePage.objects.get(slug="contact")
    url = reverse("admin:portal_sitepage_change", args=[page.pk])

    response = admin_client.post(
        url,
        {
            "title": "Contact us",
            "slug": "moved",
            "summary": "",
            "body": "Write to us.",
            "_save": "1",
        },
    )

    page.refresh_from_db()
    assert response.status_code == 302
    assert (page.slug, page.title) == ("contact", "Contact us")
    assert page.history.first().history_change_reason == "page changed"


def test_an_empty_title_or_body_is_explained_not_saved(client, cast):
    client.force_login(cast["staff"])

    response = client.post(
        reverse("portal:page-edit", kwargs={"slug": "terms"}),
        {"title": "", "summary": "", "body": ""},
    )

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert SitePage.objects.get(slug="terms").title == "Terms of use"


def test_staff_see_an_edit_link_on_the_page_and_others_do_not(client, cast):
    edit_url = reverse("portal:page-edit", kwargs={"slug": "privacy"})
    assert edit_url not in client.get("/pages/privacy/").content.decode()

    client.force_login(cast["staff"])

    assert edit_url in client.get("/pages/privacy/").content.decode()


def test_an_edit_reaches_anonymous_visitors_at_once(
    client, cast, django_capture_on_commit_callbacks
):
    cache.set(GENERATION_KEY, 1, None)
    client.force_login(cast["staff"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("portal:page-edit", kwargs={"slug": "about"}),
            {"title": "About", "summary": "", "body": "Changed."},
        )

    # A new generation: every page kept for anonymous visitors is forgotten.
    assert cache.get(GENERATION_KEY) != 1


def test_the_site_page_answers_in_a_fixed_number_of_queries(client, django_assert_num_queries):
    client.get("/pages/about/")  # warm what is cached per process (content types, ...)
    with django_assert_num_queries(1):
        response = client.get("/pages/about/")
    assert response.status_code == 200
    assert re.search(r"Last updated \w", response.content.decode())


def test_search_engines_find_the_pages_in_the_sitemap(client):
    sitemap = client.get("/sitemap.xml").content.decode()

    for slug in SLUGS:
        assert f"<loc>http://testserver/pages/{slug}/</loc>" in sitemap


def test_the_editor_s_desk_links_each_page_s_editor(client, cast):
    client.force_login(cast["staff"])

    html = client.get(reverse("editor-desk")).content.decode()

    for slug in SLUGS:
        assert f'href="{reverse("portal:page-edit", kwargs={"slug": slug})}"' in html
