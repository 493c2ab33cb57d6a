"""The pilots page's partner filter: a box that takes an organization's slug, name or acronym,
with suggestions from /partners/names/, instead of a select of every organization."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import OrganizationFactory, ProjectFactory, ProjectPartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unossc():
    return OrganizationFactory(
        slug="unossc",
        name="United Nations Office for South-South Cooperation",
        acronym="UNOSSC",
    )


def titles(response):
    return [project.title for project in response.context["projects"]]


def test_the_pilots_page_offers_a_box_not_a_list_of_every_organization(client, unossc):
    OrganizationFactory.create_batch(40)

    html = client.get("/projects/").content.decode()

    assert 'name="partner" list="partner-options"' in html
    assert 'data-suggestions="/partners/names/" data-suggestions-key="partners"' in html
    assert '<datalist id="partner-options"></datalist>' in html
    assert "South-South Cooperation" not in html
    assert "Organization 3" not in html


def test_the_page_weighs_the_same_however_many_organizations_there_are(client, unossc):
    before = len(client.get("/projects/").content)
    OrganizationFactory.create_batch(100)

    assert len(client.get("/projects/").content) == before


def test_the_box_asks_in_the_pages_language(client, unossc):
    html = client.get("/fr/projects/").content.decode()

    assert 'data-suggestions="/fr/partners/names/"' in html


@pytest.mark.parametrize(
    "typed",
    [
        "unossc",
        "UNOSSC",
        " unossc ",
        "United Nations Office for South-South Cooperation",
        # As the suggestion's label reads, typed rather than picked.
        "United Nations Office for South-South Cooperation (UNOSSC)",
    ],
)
def test_a_partner_is_found_by_its_slug_name_or_acronym(client, unossc, typed):
    pilot = ProjectFactory(title="Tripoli–Shenzhen disaster risk governance")
    ProjectPartnerFactory(project=pilot, organization=unossc, role="funding")
    ProjectFactory(title="Without the office")

    response = client.get("/projects/", {"partner": typed})

    assert titles(response) == ["Tripoli–Shenzhen disaster risk governance"]
    # The box keeps what was typed, so the reader sees what the list is narrowed by.
    assert f'value="{typed}"' in response.content.decode()


def test_a_name_no_organization_bears_is_explained_and_the_list_stays(client, unossc):
    ProjectFactory(title="Still listed")

    html = client.get("/projects/?partner=Atlantis+Trust").content.decode()

    assert "No organization is called Atlantis Trust." in html
    assert "Still listed" in html


def test_an_acronym_two_organizations_bear_asks_to_choose_one(client):
    OrganizationFactory(
        slug="cnrs-lebanon", name="National Council for Scientific Research", acronym="CNRS"
    )
    OrganizationFactory(
        slug="cnrs-france", name="Centre national de la recherche scientifique", acronym="CNRS"
    )
    ProjectFactory(title="Listed whatever the filter")

    html = client.get("/projects/?partner=cnrs").content.decode()

    assert "Several organizations are called cnrs: choose one from the suggestions." in html
    assert "Listed whatever the filter" in html


def test_the_api_takes_the_same_partner_and_refuses_an_unknown_one(client, unossc):
    pilot = ProjectFactory(slug="tripoli-shenzhen", title="Tripoli–Shenzhen")
    ProjectPartnerFactory(project=pilot, organization=unossc, role="funding")
    ProjectFactory(slug="elsewhere")

    found = client.get("/api/v1/projects/", {"partner": "unossc"}).json()
    refused = client.get("/api/v1/projects/", {"partner": "nobody"})

    assert [project["slug"] for project in found["results"]] == ["tripoli-shenzhen"]
    assert refused.status_code == 400
    assert "No organization is called nobody." in str(refused.json())


def test_suggestions_match_a_name_or_an_acronym_and_show_both(client, unossc):
    OrganizationFactory(slug="undrr", name="UN Office for Disaster Risk Reduction", acronym="UNDRR")
    OrganizationFactory(slug="tripoli", name="Municipality of Tripoli", acronym="")

    by_acronym = client.get("/partners/names/", {"q": "unoss"}).json()["partners"]
    by_name = client.get("/partners/names/", {"q": "OFFICE"}).json()["partners"]
    without_acronym = client.get("/fr/partners/names/", {"q": "tripoli"}).json()["partners"]

    assert by_acronym == [
        {
            "slug": "unossc",
            "name": "UNOSSC",
            "label": "United Nations Office for South-South Cooperation (UNOSSC)",
        }
    ]
    assert [partner["slug"] for partner in by_name] == ["undrr", "unossc"]
    assert without_acronym == [
        {"slug": "tripoli", "name": "Municipality of Tripoli", "label": "Municipality of Tripoli"}
    ]


def test_suggestions_are_few_and_need_something_typed(client):
    for number in range(12):
        OrganizationFactory(name=f"Red Crescent branch {number:02}", acronym="")

    found = client.get("/partners/names/", {"q": "crescent"}).json()["partners"]

    assert len(found) == 10
    assert found[0]["name"] == "Red Crescent branch 00"
    assert client.get("/partners/names/", {"q": "  "}).json() == {"partners": []}
    assert client.get("/partners/names/").status_code == 200


def _queries_for_suggestions(client, count):
    for number in range(count):
        OrganizationFactory(name=f"Port authority {count}-{number}", acronym="")
    with CaptureQueriesContext(connection) as queries:
        found = client.get("/partners/names/", {"q": f"authority {count}-"}).json()["partners"]
    assert len(found) == min(count, 10)
    return len(queries)


def test_suggestions_cost_the_same_queries_for_few_or_many_organizations(client):
    assert _queries_for_suggestions(client, 2) == _queries_for_suggestions(client, 14)


@pytest.mark.parametrize("typed", ["a\x00b", "a\x07b"])
def test_control_characters_are_read_as_spaces_not_refused_by_the_database(client, typed):
    ProjectFactory(title="Still listed")

    page = client.get("/projects/", {"partner": typed})
    api = client.get("/api/v1/projects/", {"partner": typed})
    suggestions = client.get("/partners/names/", {"q": typed})

    assert page.status_code == 200
    assert "No organization is called a b." in page.content.decode()
    assert "Still listed" in page.content.decode()
    assert api.status_code == 400
    assert "No organization is called a b." in str(api.json())
    assert suggestions.json() == {"partners": []}


@pytest.mark.parametrize("typed", ["   ", "\x00\x01", " \u200b "])
def test_spaces_alone_are_no_partner_not_the_organizations_without_an_acronym(client, typed):
    lonely = OrganizationFactory(slug="lonely", name="Lonely Org", acronym="")
    pilot = ProjectFactory(title="With the lonely org")
    ProjectPartnerFactory(project=pilot, organization=lonely, role="funding")
    ProjectFactory(title="Without it")

    page = client.get("/projects/", {"partner": typed})
    api = client.get("/api/v1/projects/", {"partner": typed})

    assert sorted(titles(page)) == ["With the lonely org", "Without it"]
    assert "Some filters could not be used" not in page.content.decode()
    # As `?partner=` is: a value left out by mistake, not a wish to see everything.
    assert api.status_code == 400
    assert "Give a value, or leave the parameter out." in str(api.json())
