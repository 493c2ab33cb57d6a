"""The public list, an opportunity's page and the Atom feed."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from cities.models import Region
from core.models import PublicationStatus
from tests.factories import OpportunityFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(
        r'<h3><a href="/opportunities/[^"]+/">([^<]+)</a></h3>', response.content.decode()
    )


def test_the_list_shows_published_opportunities_open_or_closed(client, cast):
    OpportunityFactory(title="A draft call", status=PublicationStatus.DRAFT, published_at=None)

    response = client.get("/opportunities/")

    assert response.status_code == 200
    # The open ones first, closing soonest first; then the closed ones.
    assert titles(response) == [
        "Disaster risk governance fellowship",
        "Early warning expert exchange",
    ]
    page = response.content.decode()
    assert "Open</span>" in page and "Closed</span>" in page
    assert 'type="application/atom+xml"' in page


def test_open_and_closed_filter_by_the_deadline(client, cast):
    assert titles(client.get("/opportunities/?state=open")) == [
        "Disaster risk governance fellowship"
    ]
    assert titles(client.get("/opportunities/?state=closed")) == ["Early warning expert exchange"]


def test_kind_and_cluster_filters(client, cast):
    assert titles(client.get("/opportunities/?kind=expert_exchange")) == [
        "Early warning expert exchange"
    ]
    other = OpportunityFactory(title="Water fellowship")
    OpportunityFactory(title="Closed water call", cluster=other.cluster, deadline=timezone.now())
    assert titles(client.get(f"/opportunities/?cluster={other.cluster.slug}")) == [
        "Water fellowship",
        "Closed water call",
    ]


def test_the_region_filter_keeps_opportunities_open_to_every_region(client, cast):
    cast.fellowship.eligible_regions = [Region.ARAB_STATES, Region.AFRICA]
    cast.fellowship.save()
    cast.closed.eligible_regions = [Region.ASIA_PACIFIC]
    cast.closed.save()
    OpportunityFactory(title="Open to all")

    assert titles(client.get("/opportunities/?region=africa")) == [
        "Disaster risk governance fellowship",
        "Open to all",
    ]
    assert titles(client.get("/opportunities/?region=asia_pacific")) == [
        "Open to all",
        "Early warning expert exchange",
    ]


def test_the_filters_offer_any_as_their_empty_choice(client, cast):
    page = client.get("/opportunities/").content.decode()

    for label in ("Any kind", "Any cluster", "Any state", "Any region"):
        assert f">{label}</option>" in page


def test_a_value_that_matches_nothing_is_an_error_next_to_the_field(client, cast):
    response = client.get("/opportunities/?kind=party")

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_detail_page_shows_the_deadline_in_the_readers_time_zone(client, cast):
    deadline = dt.datetime(2031, 3, 1, 12, 0, tzinfo=dt.UTC)
    cast.fellowship.deadline = deadline
    cast.fellowship.save()
    client.cookies["tz"] = "Asia/Shanghai"

    page = client.get("/opportunities/drr-fellowship/").content.decode()

    assert "8 p.m." in page  # 12:00 UTC is 20:00 in Shenzhen
    assert "(Shanghai, \u2066UTC+8\u2069)" in page
    assert 'datetime="2031-03-01T12:00:00+00:00"' in page
    assert "National Disaster Reduction Center of China (NDRCC)" in page
    assert "Apply through the portal" in page


def test_a_closed_opportunity_says_it_takes_no_more_applications(client, cast):
    page = client.get("/opportunities/early-warning-exchange/").content.decode()

    assert "no longer takes applications" in page
    assert "/opportunities/early-warning-exchange/apply/" not in page


def test_a_draft_has_no_public_page(client, cast):
    cast.fellowship.status = PublicationStatus.DRAFT
    cast.fellowship.published_at = None
    cast.fellowship.save()

    assert client.get("/opportunities/drr-fellowship/").status_code == 404


def test_markdown_is_cleaned(client, cast):
    cast.fellowship.description = "Hello <script>alert(1)</script> **bold**"
    cast.fellowship.save()

    page = client.get("/opportunities/drr-fellowship/").content.decode()

    assert "<strong>bold</strong>" in page
    assert "<script>alert(1)" not in page


def test_the_atom_feed_lists_the_newest_opportunities(client, cast):
    response = client.get("/opportunities/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Disaster risk governance fellowship" in body
    assert "/opportunities/drr-fellowship/" in body


def test_a_slug_cannot_take_the_applications_address(cast):
    from core.editor import unique_slug
    from opportunities.models import Opportunity

    assert unique_slug(Opportunity, "Applications") == "applications-item"


def test_the_published_state_reads_from_the_deadline(cast):
    cast.fellowship.deadline = timezone.now() - dt.timedelta(minutes=1)

    assert not cast.fellowship.is_open


def test_the_sitemap_lists_the_page_and_published_opportunities_only(client, cast):
    OpportunityFactory(slug="draft-call", status=PublicationStatus.DRAFT, published_at=None)

    body = client.get("/sitemap.xml").content.decode()

    assert "/opportunities/</loc>" in body
    assert "/opportunities/drr-fellowship/</loc>" in body
    assert "/opportunities/early-warning-exchange/</loc>" in body
    assert "draft-call" not in body


def test_search_finds_published_opportunities_only(client, cast):
    OpportunityFactory(
        title="Draft governance call", status=PublicationStatus.DRAFT, published_at=None
    )

    response = client.get("/search/", {"q": "governance"})

    groups = {group.key: group for group in response.context["outcome"].visible_groups}
    assert groups["opportunity"].count == 1
    page = response.content.decode()
    assert "Disaster risk governance fellowship" in page
    assert "Draft governance call" not in page
    assert "Deadline:" in page


@pytest.mark.parametrize(
    ("prefix", "open_state", "closed_state"),
    [("/fr", "Ouverte", "Clôturée"), ("/ar", "مفتوحة", "مغلقة"), ("/ru", "Открыта", "Закрыта")],
)
def test_the_open_and_closed_badges_agree_with_each_other(
    client, cast, prefix, open_state, closed_state
):
    html = client.get(f"{prefix}/opportunities/").content.decode()

    assert f'<span class="badge badge-open">{open_state}</span>' in html
    assert f'<span class="badge badge-closed">{closed_state}</span>' in html
