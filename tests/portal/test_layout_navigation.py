"""Every page shares the header navigation, a search box, a skip link, one h1 and share tags."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_it_links_every_section_from_the_header(client):
    response = client.get("/")
    nav = response.text.split('class="main-nav"')[1].split("</nav>")[0]
    for path in (
        "/clusters/",
        "/cities/",
        "/projects/",
        "/events/",
        "/opportunities/",
        "/resources/",
        "/news/",
        "/partners/",
        "/map/",
    ):
        assert f'href="{path}"' in nav


def test_it_has_a_labelled_search_box_that_sends_a_get_to_search(client):
    response = client.get("/")
    assert re.search(
        r'<form class="site-search" role="search" method="get" action="/search/"', response.text
    )
    assert '<label for="site-search-q"' in response.text
    assert 'name="q"' in response.text


def test_it_lets_keyboard_users_skip_to_the_content(client):
    response = client.get("/clusters/")
    assert '<a class="skip-link" href="#main">' in response.text
    assert '<main id="main"' in response.text


@pytest.mark.parametrize("url", ["/", "/clusters/", "/cities/", "/partners/", "/language/"])
def test_it_gives_each_page_exactly_one_h1(client, url):
    response = client.get(url)
    assert response.text.count("<h1") == 1


def test_it_gives_a_canonical_url_without_the_query_string_and_open_graph_tags(client):
    response = client.get("/clusters/disaster-risk-reduction/?utm_source=mail")
    assert (
        '<link rel="canonical" href="http://testserver/clusters/disaster-risk-reduction/">'
        in response.text
    )
    assert (
        '<meta property="og:title" content="Disaster Risk Reduction and Mitigation in Resilient Cities">'
        in response.text
    )
    assert (
        '<meta property="og:url" content="http://testserver/clusters/disaster-risk-reduction/">'
        in response.text
    )


def test_it_shows_breadcrumbs_on_inner_pages(client):
    response = client.get("/clusters/disaster-risk-reduction/")
    crumbs = response.text.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="/"' in crumbs
    assert 'href="/clusters/"' in crumbs
    assert '<span aria-current="page">Disaster Risk Reduction' in crumbs


def test_it_loads_no_web_fonts_or_third_party_assets(client):
    response = client.get("/")
    assert "fonts.googleapis" not in response.text
    assert not re.search(r'(src|href)="https?://(?!testserver)', response.text)
