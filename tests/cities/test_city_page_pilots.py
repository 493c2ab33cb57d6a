"""A city's page lists its pilots and partner cities from the few fields it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.content_language import columns_in_every_language, language_codes
from portal import hub_selectors
from projects.models import Project
from tests.factories import CityFactory, ProjectCityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tripoli():
    tripoli = CityFactory(name="Tripoli", slug="tripoli")
    shenzhen = CityFactory(name="Shenzhen", name_ar="شنتشن", slug="shenzhen", country="CN")
    pilot = ProjectFactory(
        title="Disaster risk governance",
        title_fr="Gouvernance des risques de catastrophe",
        original_language="fr",
        slug="drr-governance",
        phase="active",
    )
    # Written in French only: an Arabic page shows the French title, marked as French.
    Project.objects.filter(pk=pilot.pk).update(title_en="", title_ar="")
    ProjectCityFactory(project=pilot, city=tripoli, role="lead")
    ProjectCityFactory(project=pilot, city=shenzhen, role="partner")
    return tripoli


def test_the_arabic_page_shows_each_pilot_and_partner_city_through_the_fallback(client, tripoli):
    page = client.get("/ar/cities/tripoli/").content.decode()

    assert '<span lang="fr" dir="ltr">Gouvernance des risques de catastrophe</span>' in page
    assert "/ar/projects/drr-governance/" in page
    assert "phase-active" in page
    assert "شنتشن" in page
    assert "/ar/cities/shenzhen/" in page


def test_the_listed_rows_read_nothing_later(tripoli):
    links = list(hub_selectors.city_project_links(city=tripoli))
    partners = hub_selectors.city_partner_cities(city=tripoli)

    with CaptureQueriesContext(connection) as captured:
        for link in links:
            link.project.get_absolute_url(), str(link.project.title), link.project.phase
            link.get_role_display()
        for partner, projects in partners:
            partner.get_absolute_url(), str(partner.name), partner.country.name
            [(project.get_absolute_url(), str(project.title)) for project in projects]

    assert [query["sql"] for query in captured] == []
    assert "body" in links[0].project.get_deferred_fields()


def test_a_relations_translated_field_is_read_in_every_language():
    names = columns_in_every_language(Project, ("slug", "title"), path="project__")

    assert names[:2] == ["project__slug", "project__title"]
    assert {f"project__title_{code.replace('-', '_')}" for code in language_codes()} <= set(names)
    assert not any(name.startswith("project__slug_") for name in names)
