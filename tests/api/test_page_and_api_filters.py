"""A list page and its API endpoint read one FilterSet: a query string narrows both alike.

The page shows a bad value as a form error and still lists; the API answers a JSON 400.
"""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import PublicationStatus
from tests.api.conftest import error_of, staff
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    CollaborationRequestFactory,
    EventCoHostFactory,
    EventFactory,
    NotificationFactory,
    OrganizationFactory,
    ProgrammeFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    RegistrationFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

pytestmark = pytest.mark.django_db

FORM_ERROR = "Some filters could not be used"


def page_slugs(client, url, rows):
    response = client.get(url)
    assert response.status_code == 200
    assert FORM_ERROR not in response.content.decode()
    return [item.slug for item in response.context[rows]]


def api_slugs(api, url):
    response = api.get(f"{url}{'&' if '?' in url else '?'}page_size=100")
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def assert_same_rows(client, api, page, endpoint, rows, query, expected):
    on_page = page_slugs(client, f"{page}?{query}", rows)
    in_api = api_slugs(api, f"{endpoint}?{query}")
    assert sorted(on_page) == sorted(in_api) == sorted(expected), query


# --- The same query string, the same rows ------------------------------------------------------


@pytest.fixture
def cities():
    drr = ClusterFactory(slug="drr-test")
    tripoli = CityFactory(
        slug="tripoli",
        name="Tripoli",
        country="LB",
        region="arab_states",
        joined_on=dt.date(2022, 5, 1),
    )
    tripoli.hazards.add("flood")
    nairobi = CityFactory(
        slug="nairobi", name="Nairobi", country="KE", region="africa", joined_on=None
    )
    CityFactory(
        slug="shenzhen",
        name="Shenzhen",
        country="CN",
        region="asia_pacific",
        joined_on=dt.date(2020, 1, 1),
    )
    ClusterMembershipFactory(cluster=drr, city=tripoli)
    ClusterMembershipFactory(cluster=drr, city=nairobi)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=africa", ["nairobi"]),
        ("country=KE", ["nairobi"]),
        ("cluster=drr-test", ["nairobi", "tripoli"]),
        ("hazard=flood", ["tripoli"]),
        ("cluster=drr-test&region=arab_states", ["tripoli"]),
    ],
)
def test_cities_filter_alike_on_the_page_and_in_the_api(client, api, cities, query, expected):
    assert_same_rows(client, api, "/cities/", "/api/v1/cities/", "cities", query, expected)


def test_cities_sort_alike_on_the_page_and_in_the_api_unless_the_api_orders(client, api, cities):
    newest_first = ["tripoli", "shenzhen", "nairobi"]

    assert page_slugs(client, "/cities/?sort=newest", "cities") == newest_first
    assert api_slugs(api, "/api/v1/cities/?sort=newest") == newest_first
    assert api_slugs(api, "/api/v1/cities/") == ["nairobi", "shenzhen", "tripoli"]
    # An ordering the endpoint does not offer is ignored, one it offers wins over sort.
    assert api_slugs(api, "/api/v1/cities/?sort=newest&ordering=slug") == newest_first
    assert api_slugs(api, "/api/v1/cities/?sort=newest&ordering=name") == [
        "nairobi",
        "shenzhen",
        "tripoli",
    ]


@pytest.fixture
def projects():
    drr = ClusterFactory(slug="drr-test")
    tripoli = CityFactory(slug="tripoli", country="LB", region="arab_states")
    lima = CityFactory(slug="lima", country="PE", region="latin_america_caribbean")
    undp = OrganizationFactory(slug="undp")
    programme = ProgrammeFactory(slug="cities-programme")
    flood = ProjectFactory(slug="flood", phase="active", parent=programme)
    flood.clusters.add(drr)
    flood.tags.add("flood")
    ProjectCityFactory(project=flood, city=tripoli)
    ProjectCityFactory(project=flood, city=lima, role="sharing")
    ProjectPartnerFactory(project=flood, organization=undp)
    heritage = ProjectFactory(slug="heritage", phase="completed")
    ProjectCityFactory(project=heritage, city=lima)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cluster=drr-test", ["flood"]),
        ("city=lima", ["flood", "heritage"]),
        ("partner=undp", ["flood"]),
        ("kind=programme", ["cities-programme"]),
        ("phase=completed", ["heritage"]),
        ("country=LB", ["flood"]),
        ("region=latin_america_caribbean", ["flood", "heritage"]),
        ("parent=cities-programme", ["flood"]),
        ("tags=flood", ["flood"]),
        ("kind=pilot&city=lima&phase=active", ["flood"]),
    ],
)
def test_projects_filter_alike_on_the_page_and_in_the_api(client, api, projects, query, expected):
    assert_same_rows(client, api, "/projects/", "/api/v1/projects/", "projects", query, expected)


def test_the_pilots_page_calls_the_phase_status_while_the_api_status_is_the_publication(
    client, api, projects
):
    ProjectFactory(slug="draft", status=PublicationStatus.DRAFT, published_at=None)
    api.force_authenticate(staff())

    assert page_slugs(client, "/projects/?status=completed", "projects") == ["heritage"]
    assert api_slugs(api, "/api/v1/projects/?phase=completed") == ["heritage"]
    assert api_slugs(api, "/api/v1/projects/?status=draft") == ["draft"]
    assert api.get("/api/v1/projects/?status=completed").status_code == 400
    response = client.get("/projects/?status=draft")
    assert FORM_ERROR in response.content.decode()
    assert "Draft" not in response.content.decode().split('name="status"')[1].split("</select>")[0]


@pytest.fixture
def events():
    drr = ClusterFactory(slug="drr-test")
    tripoli = CityFactory(slug="tripoli", country="LB", region="arab_states")
    soon = timezone.now() + dt.timedelta(days=3)
    workshop = EventFactory(
        slug="workshop",
        kind="workshop",
        format="hybrid",
        languages=["en", "ar"],
        city=tripoli,
        starts_at=soon,
    )
    workshop.clusters.add(drr)
    workshop.projects.add(ProjectFactory(slug="flood"))
    EventCoHostFactory(event=workshop, organization=OrganizationFactory(slug="undp"))
    EventFactory(
        slug="webinar",
        kind="webinar",
        format="online",
        languages=["es"],
        series=TrainingSeriesFactory(slug="series"),
        starts_at=soon + dt.timedelta(days=60),
    )
    return soon


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cluster=drr-test", ["workshop"]),
        ("kind=webinar", ["webinar"]),
        ("language=ar", ["workshop"]),
        ("event_format=hybrid", ["workshop"]),
        ("city=tripoli", ["workshop"]),
        ("country=LB", ["workshop"]),
        ("region=arab_states", ["workshop"]),
        ("project=flood", ["workshop"]),
        ("series=series", ["webinar"]),
        ("cohost=undp", ["workshop"]),
        ("kind=workshop&language=en&cluster=drr-test", ["workshop"]),
    ],
)
def test_events_filter_alike_on_the_page_and_in_the_api(client, api, events, query, expected):
    assert_same_rows(client, api, "/events/", "/api/v1/events/", "events", query, expected)


def test_events_filter_by_month_and_start_alike_on_the_page_and_in_the_api(client, api, events):
    month = events.strftime("%Y-%m")
    cutoff = (events + dt.timedelta(days=30)).isoformat().replace("+00:00", "Z")

    assert_same_rows(
        client, api, "/events/", "/api/v1/events/", "events", f"month={month}", ["workshop"]
    )
    assert page_slugs(client, f"/events/?starts_after={cutoff}", "events") == ["webinar"]
    assert api_slugs(api, f"/api/v1/events/?starts_after={cutoff}") == ["webinar"]


def test_the_events_pages_call_the_format_format_and_take_the_api_name_too(client, api, events):
    assert page_slugs(client, "/events/?format=hybrid", "events") == ["workshop"]
    assert page_slugs(client, "/events/?event_format=online", "events") == ["webinar"]
    html = client.get("/events/?event_format=online").content.decode()
    assert '<select name="format"' in html
    assert 'name="event_format"' not in html
    # In the API, ?format= still chooses the renderer (DRF's), it is no filter.
    assert len(api_slugs(api, "/api/v1/events/?format=json")) == 2


def test_a_month_is_the_visitors_on_the_page_and_utc_in_the_api(client, api):
    EventFactory(
        slug="late-september-utc",
        starts_at=dt.datetime(2099, 9, 30, 20, tzinfo=dt.UTC),
        ends_at=dt.datetime(2099, 9, 30, 22, tzinfo=dt.UTC),
    )
    client.cookies["tz"] = "Asia/Tokyo"  # UTC+9: already 1 October there

    assert page_slugs(client, "/events/?month=2099-10", "events") == ["late-september-utc"]
    assert api_slugs(api, "/api/v1/events/?month=2099-10") == []
    assert api_slugs(api, "/api/v1/events/?month=2099-09") == ["late-september-utc"]


@pytest.fixture
def resources():
    drr = ClusterFactory(slug="drr-test")
    tripoli = CityFactory(slug="tripoli", country="LB", region="arab_states")
    toolkit = ResourceFactory(slug="toolkit", kind="toolkit")
    toolkit.clusters.add(drr)
    toolkit.cities.add(tripoli)
    toolkit.tags.add("early warning", "floods")
    toolkit.organizations.add(OrganizationFactory(slug="undp"))
    toolkit.projects.add(ProjectFactory(slug="flood"))
    news = ResourceFactory(slug="news", kind="news")
    news.clusters.add(drr)
    news.tags.add("heritage")
    ResourceFactory(slug="old-case", kind="case_study").tags.add("floods")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=toolkit", ["toolkit"]),
        ("cluster=drr-test", ["news", "toolkit"]),
        ("city=tripoli", ["toolkit"]),
        ("tag=floods", ["old-case", "toolkit"]),
        ("tags=floods,heritage", ["news", "old-case", "toolkit"]),
        ("tag=heritage,early-warning", ["news", "toolkit"]),
        ("country=LB", ["toolkit"]),
        ("organization=undp", ["toolkit"]),
        ("project=flood", ["toolkit"]),
        ("cluster=drr-test&tag=floods", ["toolkit"]),
    ],
)
def test_resources_filter_alike_on_the_page_and_in_the_api(client, api, resources, query, expected):
    assert_same_rows(client, api, "/resources/", "/api/v1/resources/", "resources", query, expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("cluster=drr-test", ["news"]), ("tag=heritage", ["news"]), ("city=tripoli", [])],
)
def test_the_news_page_filters_as_the_api_does_for_news(client, api, resources, query, expected):
    on_page = page_slugs(client, f"/news/?{query}", "resources")
    in_api = api_slugs(api, f"/api/v1/resources/?kind=news&{query}")
    assert on_page == in_api == expected


def test_partners_filter_alike_on_the_page_and_in_the_api(client, api):
    OrganizationFactory(slug="undp", kind="un_entity", country="US")
    OrganizationFactory(slug="ngo", kind="ngo", country="KE")

    for query, expected in [("kind=ngo", ["ngo"]), ("country=US", ["undp"])]:
        on_page = page_slugs(client, f"/partners/?{query}", "partners")
        assert on_page == api_slugs(api, f"/api/v1/organizations/?{query}") == expected


# --- The page shows what filters it; the API refuses what it cannot read -----------------------


@pytest.mark.parametrize(
    ("page", "query", "control"),
    [
        ("/events/", "city=tripoli", '<input type="text" name="city"'),
        ("/projects/", "country=LB", '<select name="country"'),
        ("/resources/", "tags=floods", 'name="tags"'),
        ("/cities/", "hazard=flood", 'name="hazard"'),
        ("/partners/", "country=LB", '<select name="country"'),
    ],
)
def test_a_page_shows_a_filter_it_does_not_offer_when_a_link_uses_it(client, page, query, control):
    CityFactory(slug="tripoli")

    assert control not in client.get(page).content.decode()
    assert control in client.get(f"{page}?{query}").content.decode()


def test_the_page_offers_published_projects_only_even_when_a_link_names_one(client):
    ProjectFactory(slug="flood", title="Published pilot")
    ProjectFactory(title="Secret draft", status=PublicationStatus.DRAFT, published_at=None)

    html = client.get("/events/?project=flood").content.decode()

    assert "Published pilot" in html
    assert "Secret draft" not in html


def test_the_page_lists_active_clusters_only_while_the_api_takes_any(client, api):
    paused = ClusterFactory(slug="paused", name="Paused cluster", is_active=False)
    EventFactory(slug="paused-event").clusters.add(paused)

    html = client.get("/events/").content.decode()
    cluster_options = html.split('<select name="cluster"')[1].split("</select>")[0]
    assert "Paused cluster" not in cluster_options
    assert FORM_ERROR in client.get("/events/?cluster=paused").content.decode()
    assert api_slugs(api, "/api/v1/events/?cluster=paused") == ["paused-event"]


def test_the_news_page_has_no_kind_even_when_a_link_gives_one(client):
    ResourceFactory(slug="news", kind="news")

    response = client.get("/news/?kind=toolkit")

    assert [item.slug for item in response.context["resources"]] == ["news"]
    assert 'name="kind"' not in response.content.decode()


@pytest.mark.parametrize(
    ("page", "endpoint", "query"),
    [
        ("/cities/", "/api/v1/cities/", "region=atlantis"),
        ("/cities/", "/api/v1/cities/", "cluster=no-such-cluster"),
        ("/cities/", "/api/v1/cities/", "sort=random"),
        ("/projects/", "/api/v1/projects/", "cluster=no-such-cluster"),
        ("/projects/", "/api/v1/projects/", "kind=spaceship"),
        ("/projects/", "/api/v1/projects/", "started_after=yesterday"),
        ("/events/", "/api/v1/events/", "kind=party"),
        ("/events/", "/api/v1/events/", "month=2024-13"),
        ("/events/", "/api/v1/events/", "starts_after=not-a-date"),
        ("/events/", "/api/v1/events/", "language=klingon"),
        ("/resources/", "/api/v1/resources/", "kind=poem"),
        ("/resources/", "/api/v1/resources/", "organization=nobody"),
        ("/news/", "/api/v1/resources/", "city=atlantis"),
        ("/partners/", "/api/v1/organizations/", "kind=club"),
        ("/partners/", "/api/v1/organizations/", "country=XX"),
    ],
)
def test_a_bad_value_is_a_form_error_on_the_page_and_a_400_in_the_api(
    client, api, page, endpoint, query
):
    ResourceFactory(kind="news")
    parameter = query.split("=")[0]

    response = api.get(f"{endpoint}?{query}")
    assert response.status_code == 400
    assert parameter in error_of(response)["fields"]

    response = client.get(f"{page}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert FORM_ERROR in html
    assert f'id="id_{parameter}_error"' in html or f'id="id_{parameter}-error"' in html


@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("/events/", "cluster=&kind=&format=&language=&month="),
        ("/projects/", "cluster=&status=&city=&partner=&kind="),
        ("/resources/", "kind=&cluster=&city=&tag="),
        ("/cities/", "region=&country=&cluster="),
        ("/partners/", "kind="),
    ],
)
def test_the_pages_own_form_sends_empty_values_that_mean_no_filter(client, page, query):
    response = client.get(f"{page}?{query}")

    assert response.status_code == 200
    assert FORM_ERROR not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "/api/v1/cities/?cluster=",
        "/api/v1/cities/?sort=",
        "/api/v1/clusters/?city=",
        "/api/v1/projects/?kind=",
        "/api/v1/events/?month=",
        "/api/v1/training-series/?is_certified=",
        "/api/v1/resources/?cluster=",
        "/api/v1/organizations/?kind=",
        "/api/v1/collaboration-requests/?status=",
        "/api/v1/registrations/?status=",
        "/api/v1/notifications/?unread=",
    ],
)
def test_the_api_refuses_an_empty_typed_value_on_every_list(api, query):
    api.force_authenticate(staff())

    response = api.get(query)

    assert response.status_code == 400
    assert query.split("?")[1].rstrip("=") in error_of(response)["fields"]


def test_the_signed_in_lists_filter_through_their_own_filter_sets(api):
    user = staff()
    api.force_authenticate(user)
    RegistrationFactory(user=user, status="waitlisted")
    RegistrationFactory(user=user, status="registered")
    NotificationFactory(recipient=user, read_at=timezone.now())
    NotificationFactory(recipient=user)
    organization = OrganizationFactory()
    CollaborationRequestFactory(requester=user, organization=organization, kind="funding")
    CollaborationRequestFactory(requester=user, organization=organization, kind="join_pilot")

    registrations = api.get("/api/v1/registrations/?status=waitlisted").json()["results"]
    notifications = api.get("/api/v1/notifications/?unread=true").json()["results"]
    requests = api.get("/api/v1/collaboration-requests/?kind=funding").json()["results"]

    assert [item["status"] for item in registrations] == ["waitlisted"]
    assert [item["read_at"] for item in notifications] == [None]
    assert [item["kind"] for item in requests] == ["funding"]
