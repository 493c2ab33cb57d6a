import datetime as dt
import json

import pytest
from django.utils import timezone

from core.models import PublicationStatus
from projects.models import ProjectCityRole, ProjectPartnerRole
from tests.factories import (
    CityFactory,
    ClusterFactory,
    EventFactory,
    MilestoneFactory,
    OrganizationFactory,
    ProgrammeFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ProjectUpdateFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pilot():
    pilot = ProjectFactory(
        title="SSTC for Sustainable Disaster Risk Governance in Lebanon",
        slug="lebanon-drr",
        summary="Tripoli learns from Shenzhen.",
        body="Local authorities **connected** across two continents.",
        start_date=dt.date(2022, 10, 1),
    )
    ProjectCityFactory(
        project=pilot,
        city=CityFactory(name="Tripoli", latitude="34.43670", longitude="35.84970"),
        role=ProjectCityRole.LEARNING,
    )
    ProjectCityFactory(
        project=pilot,
        city=CityFactory(name="Shenzhen", country="CN", latitude="22.54310", longitude="114.05790"),
        role=ProjectCityRole.SHARING,
    )
    return pilot


def test_it_shows_summary_rendered_markdown_phase_and_launch_date(client, pilot):
    html = client.get("/projects/lebanon-drr/").content.decode()

    assert "<h1>SSTC for Sustainable Disaster Risk Governance in Lebanon</h1>" in html
    assert "Tripoli learns from Shenzhen." in html
    assert "<strong>connected</strong>" in html
    assert 'phase-active">Active<' in html
    assert 'datetime="2022-10-01"' in html


def test_it_names_the_linked_cities_with_their_roles_in_words(client, pilot):
    html = client.get("/projects/lebanon-drr/").content.decode()

    assert "Tripoli</a> (Learning city)" in html
    assert "Shenzhen</a> (Sharing city)" in html
    assert "↔" in html


def test_it_gives_the_map_both_cities_and_the_line_between_them(client, pilot):
    response = client.get("/projects/lebanon-drr/")
    html = response.content.decode()

    assert 'data-map-features="pilot-map-features"' in html
    assert 'aria-labelledby="cities-heading"' in html
    start = html.index('<script id="pilot-map-features" type="application/json">')
    data = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    points = [f for f in data["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert {p["properties"]["name"]: p["properties"]["role"] for p in points} == {
        "Tripoli": "learning",
        "Shenzhen": "sharing",
    }
    # Each city's dot opens a popup that links to its page.
    assert {p["properties"]["url"] for p in points} == {
        f"/cities/{city.slug}/" for city in (link.city for link in pilot.city_links.all())
    }
    assert len(lines) == 1
    assert [114.0579, 22.5431] in lines[0]["geometry"]["coordinates"]


def test_it_lists_partners_with_their_roles(client, pilot):
    ProjectPartnerFactory(
        project=pilot,
        organization=OrganizationFactory(name="UN Development Programme", acronym="UNDP"),
        role=ProjectPartnerRole.IMPLEMENTING,
    )
    ProjectPartnerFactory(
        project=pilot,
        organization=OrganizationFactory(
            name="National Disaster Reduction Center", acronym="NDRCC"
        ),
        role=ProjectPartnerRole.TECHNICAL,
    )

    html = client.get("/projects/lebanon-drr/").content.decode()

    assert 'UN Development Programme (UNDP)</a> — <span class="role">Implementing partner' in html
    assert '(NDRCC)</a> — <span class="role">Technical expertise' in html


def test_it_merges_milestones_and_published_updates_into_one_timeline(client, pilot):
    MilestoneFactory(
        project=pilot,
        title="Launch",
        due_on=dt.date(2022, 10, 1),
        completed_on=dt.date(2022, 10, 3),
    )
    MilestoneFactory(
        project=pilot, title="City visit", due_on=timezone.localdate() + dt.timedelta(days=30)
    )
    ProjectUpdateFactory(
        project=pilot,
        title="Workshop held",
        published_at=timezone.make_aware(dt.datetime(2023, 9, 20, 12)),
    )
    ProjectUpdateFactory(project=pilot, title="Unpublished note", status=PublicationStatus.DRAFT)

    response = client.get("/projects/lebanon-drr/")
    html = response.content.decode()

    assert [entry.title for entry in response.context["timeline"]] == [
        "City visit",
        "Workshop held",
        "Launch",
    ]
    assert "Upcoming milestone" in html
    assert "Milestone reached" in html
    assert "Unpublished note" not in html


def test_it_says_so_when_the_timeline_is_empty(client, pilot):
    assert b"No milestones or updates yet." in client.get("/projects/lebanon-drr/").content


def test_it_links_published_events_and_resources_only(client, pilot):
    EventFactory(title="Capacity workshop").projects.add(pilot)
    EventFactory(title="Draft event", status=PublicationStatus.DRAFT).projects.add(pilot)
    ResourceFactory(title="Visit to NDRCC").projects.add(pilot)
    ResourceFactory(title="Draft story", status=PublicationStatus.DRAFT).projects.add(pilot)

    html = client.get("/projects/lebanon-drr/").content.decode()

    assert "Capacity workshop" in html
    assert "Visit to NDRCC" in html
    assert "Draft event" not in html
    assert "Draft story" not in html


def test_it_links_a_pilot_to_its_programme_and_a_programme_to_its_pilots(client, pilot):
    programme = ProgrammeFactory(title="Cities Project", slug="cities-project")
    pilot.parent = programme
    pilot.save()

    pilot_html = client.get("/projects/lebanon-drr/").content.decode()
    programme_html = client.get("/projects/cities-project/").content.decode()

    assert 'Part of <a href="/projects/cities-project/">Cities Project</a>' in pilot_html
    assert "Pilots in this programme" in programme_html
    assert 'href="/projects/lebanon-drr/"' in programme_html


def test_it_hides_a_draft_programme_from_its_pilot(client, pilot):
    pilot.parent = ProgrammeFactory(title="Hidden programme", status=PublicationStatus.DRAFT)
    pilot.save()

    assert b"Hidden programme" not in client.get("/projects/lebanon-drr/").content


def test_it_offers_collaboration_and_follow(client, pilot):
    html = client.get("/projects/lebanon-drr/").content.decode()

    assert 'href="/collaborate/?project=lebanon-drr"' in html
    assert "Request collaboration" in html
    assert "target_type=project&amp;slug=lebanon-drr" in html


def test_it_shows_the_clusters(client, pilot):
    pilot.clusters.add(ClusterFactory(name="Disaster Risk Reduction"))

    assert b"Disaster Risk Reduction" in client.get("/projects/lebanon-drr/").content


def test_it_answers_404_for_a_draft(client):
    ProjectFactory(slug="draft-pilot", status=PublicationStatus.DRAFT, published_at=None)

    assert client.get("/projects/draft-pilot/").status_code == 404


def test_it_answers_404_for_an_unknown_slug(client):
    assert client.get("/projects/no-such-pilot/").status_code == 404


def test_it_colours_the_map_in_the_pilots_cluster(client, pilot):
    cluster = ClusterFactory(colour="#123456")
    pilot.clusters.add(cluster)

    html = client.get("/projects/lebanon-drr/").content.decode()

    start = html.index('<script id="pilot-map-features" type="application/json">')
    data = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    points = [f for f in data["features"] if f["geometry"]["type"] == "Point"]
    assert {p["properties"]["colour"] for p in points} == {"#123456"}
    assert "vendor/world-atlas/countries-110m.json" in html


def test_it_loads_no_map_for_a_project_without_cities(client):
    ProgrammeFactory(slug="no-cities-programme")

    html = client.get("/projects/no-cities-programme/").content.decode()

    assert "leaflet" not in html
    assert "countries-110m.json" not in html
    assert "map.js" not in html
