import pytest

from core.models import PublicationStatus
from resources.models import ResourceKind
from tests.factories import CityFactory, ClusterFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [resource.title for resource in response.context["resources"]]


def test_it_lists_published_resources_only(client):
    ResourceFactory(title="Flood early warning in Tripoli")
    ResourceFactory(title="Unfinished draft", status=PublicationStatus.DRAFT, published_at=None)

    response = client.get("/resources/")

    assert response.status_code == 200
    assert titles(response) == ["Flood early warning in Tripoli"]
    assert b"Unfinished draft" not in response.content


def test_it_filters_by_kind(client):
    ResourceFactory(title="Toolkit", kind=ResourceKind.TOOLKIT)
    ResourceFactory(title="Case", kind=ResourceKind.CASE_STUDY)

    assert titles(client.get("/resources/?kind=toolkit")) == ["Toolkit"]


def test_it_filters_by_cluster_and_city(client):
    drr = ClusterFactory(slug="drr")
    tripoli = CityFactory(slug="tripoli")
    both = ResourceFactory(title="Both")
    both.clusters.add(drr)
    both.cities.add(tripoli)
    ResourceFactory(title="Cluster only").clusters.add(drr)
    ResourceFactory(title="Neither")

    assert sorted(titles(client.get("/resources/?cluster=drr"))) == ["Both", "Cluster only"]
    assert titles(client.get("/resources/?cluster=drr&city=tripoli")) == ["Both"]


def test_it_filters_by_tag_and_links_tags_to_that_filter(client):
    ResourceFactory(title="Early warning").tags.add("early warning", "floods")
    ResourceFactory(title="Heritage").tags.add("heritage")

    response = client.get("/resources/?tag=floods")

    assert titles(response) == ["Early warning"]
    assert 'href="/resources/?tag=early-warning"' in response.content.decode()


@pytest.mark.parametrize("query", ["kind=poem", "cluster=nowhere", "city=atlantis"])
def test_it_explains_a_bad_filter_value_instead_of_failing(client, query):
    ResourceFactory(title="Still listed")

    response = client.get(f"/resources/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert "Still listed" in html


def test_it_says_so_when_the_library_has_nothing_matching(client):
    html = client.get("/resources/?kind=video").content.decode()

    assert "No resource matches these filters yet." in html


def test_it_paginates(client):
    ResourceFactory.create_batch(23)

    assert len(titles(client.get("/resources/"))) == 20
    assert len(titles(client.get("/resources/?page=2"))) == 3


def summary_and_pages(response):
    """The count heading, the pagination's summary and its page links, as a reader sees them."""
    import re

    html = response.content.decode()
    nav = html.split('class="pagination"', 1)[1].split("</nav>", 1)[0]
    return (
        re.search(r'id="results-heading">([^<]*)<', html).group(1),
        re.search(r'pagination-summary">([^<]*)<', nav).group(1),
        re.findall(r"<li><(?:a|span)[^>]*>([^<]*)<", nav),
    )


@pytest.fixture
def counted_as_far_as_six(monkeypatch):
    # A library too long to count: two per page, counted as far as six.
    monkeypatch.setattr("resources.views.PAGE_SIZE", 2)
    monkeypatch.setattr("resources.views.COUNT_AT_MOST", 6)
    ResourceFactory.create_batch(9)


def test_a_library_too_long_to_count_says_more_than_and_pages_on(client, counted_as_far_as_six):
    count, summary, links = summary_and_pages(client.get("/resources/"))

    assert count == "More than 6 resources"
    assert summary == "Page 1 of more than 3"
    # No last page is named (it is not known), and "Next" leads on.
    assert links == ["1", "2", "3", "…", "Next"]

    # The last page in reach still has a next page, where the whole list is counted.
    count, summary, links = summary_and_pages(client.get("/resources/?page=3"))
    assert (count, summary) == ("More than 6 resources", "Page 3 of more than 3")
    assert links[-1] == "Next"
    response = client.get("/resources/?page=4")
    count, summary, _links = summary_and_pages(response)
    assert (count, summary) == ("9 resources", "Page 4 of 5")
    assert len(titles(response)) == 2
    assert len(titles(client.get("/resources/?page=5"))) == 1


@pytest.mark.parametrize("page", ["0", "-3"])
def test_a_page_below_the_first_shows_the_real_last_page(client, counted_as_far_as_six, page):
    # Paginator.get_page shows the last page for them: only a whole count knows which it is.
    response = client.get(f"/resources/?page={page}")

    count, summary, _links = summary_and_pages(response)
    assert (count, summary) == ("9 resources", "Page 5 of 5")
    assert len(titles(response)) == 1


def test_a_library_within_the_cap_is_counted_exactly(client, monkeypatch):
    monkeypatch.setattr("resources.views.PAGE_SIZE", 2)
    monkeypatch.setattr("resources.views.COUNT_AT_MOST", 6)
    ResourceFactory.create_batch(6)

    count, summary, links = summary_and_pages(client.get("/resources/"))

    assert (count, summary) == ("6 resources", "Page 1 of 3")
    assert links == ["1", "2", "3", "Next"]


def test_news_too_long_to_count_says_more_than_in_arabic(client, monkeypatch):
    monkeypatch.setattr("resources.views.PAGE_SIZE", 2)
    monkeypatch.setattr("resources.views.COUNT_AT_MOST", 6)
    ResourceFactory.create_batch(7, kind=ResourceKind.NEWS)

    count, summary, _links = summary_and_pages(client.get("/ar/news/"))

    assert count == "أكثر من 6 أخبار"  # the plural form for three to ten
    assert summary == "الصفحة 1 من أكثر من 3"


def test_a_filter_across_a_link_counts_each_resource_once(client, counted_as_far_as_six):
    # The cluster filter keeps the resources linked to it (an id subquery on the link table),
    # not the resources joined to their links and de-duplicated whole.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    drr, health = ClusterFactory(slug="drr"), ClusterFactory(slug="health")
    for resource in ResourceFactory.create_batch(3):
        resource.clusters.add(drr, health)
    ResourceFactory().clusters.add(health)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/resources/?cluster=drr")

    assert response.context["page_obj"].paginator.count == 3
    assert len(set(titles(response))) == len(titles(response)) == 2
    listed = [q["sql"] for q in queries if 'FROM "clusters_resource"' in q["sql"]]
    assert listed and not any("DISTINCT" in sql for sql in listed)
    assert all('"clusters_resource_clusters"' in sql for sql in listed)
