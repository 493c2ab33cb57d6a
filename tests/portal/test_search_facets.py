"""Facets (type, cluster, country, year) are links that narrow the results, and each active
filter can be removed again."""

import datetime as dt

import pytest
from django.urls import reverse

from portal import search
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    EventFactory,
    OrganizationFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def _search(client, query_string=""):
    response = client.get(reverse("portal:search") + query_string)
    assert response.status_code == 200
    return response


def _titles(response):
    return sorted(
        result.search_title
        for group in response.context["outcome"].visible_groups
        for result in group.results
    )


def _option(response, param, label):
    facet = next(f for f in response.context["outcome"].facets if f.param == param)
    return next(option for option in facet.options if option.label == label)


def test_it_narrows_by_cluster_through_a_facet_link(client):
    drr = ClusterFactory(name="Disaster risk", slug="drr-test")
    tourism = ClusterFactory(name="Heritage tourism", slug="tourism-test")
    ProjectFactory(title="Drought pilot").clusters.add(drr)
    ResourceFactory(title="Drought toolkit").clusters.add(drr)
    ProjectFactory(title="Drought and heritage pilot").clusters.add(tourism)

    everything = _search(client, "?q=drought")
    drr_option = _option(everything, "cluster", "Disaster risk")
    narrowed = _search(client, drr_option.href)

    assert drr_option.count == 2
    assert _titles(everything) == ["Drought and heritage pilot", "Drought pilot", "Drought toolkit"]
    assert _titles(narrowed) == ["Drought pilot", "Drought toolkit"]
    removal = _option(narrowed, "cluster", "Disaster risk")
    assert removal.selected
    assert _titles(_search(client, removal.href)) == _titles(everything)


def test_it_narrows_by_type(client):
    ProjectFactory(title="Cholera response pilot")
    EventFactory(title="Cholera response webinar")

    narrowed = _search(
        client, _option(_search(client, "?q=cholera"), "type", "Events and trainings").href
    )

    assert _titles(narrowed) == ["Cholera response webinar"]


def test_it_narrows_by_country(client):
    lebanon_city = CityFactory(name="Byblos seaside", slug="byblos", country="LB")
    kenyan_city = CityFactory(name="Mombasa seaside", slug="mombasa", country="KE")
    ProjectCityFactory(project=ProjectFactory(title="Seaside pilot Lebanon"), city=lebanon_city)
    ProjectCityFactory(project=ProjectFactory(title="Seaside pilot Kenya"), city=kenyan_city)

    narrowed = _search(client, _option(_search(client, "?q=seaside"), "country", "Kenya").href)

    assert _titles(narrowed) == ["Mombasa seaside", "Seaside pilot Kenya"]


def test_it_narrows_by_year(client):
    ProjectFactory(title="Wildfire pilot", start_date=dt.date(2021, 3, 1))
    ProjectFactory(title="Wildfire follow-up pilot", start_date=dt.date(2023, 3, 1))
    CityFactory(name="Wildfire city", slug="wildfire-city")

    narrowed = _search(client, _option(_search(client, "?q=wildfire"), "year", "2023").href)

    assert _titles(narrowed) == ["Wildfire follow-up pilot"]


def test_it_counts_a_city_under_the_clusters_it_belongs_to(client):
    cluster = ClusterFactory(name="Smart cities", slug="smart-test")
    ClusterMembershipFactory(city=CityFactory(name="Kigali", slug="kigali"), cluster=cluster)
    CityFactory(name="Kigali twin", slug="kigali-twin")

    narrowed = _search(
        client, _option(_search(client, "?q=kigali"), "cluster", "Smart cities").href
    )

    assert _titles(narrowed) == ["Kigali"]


# 50: the few partners found are asked for their clusters alone; 0: the whole map is kept.
@pytest.fixture(params=[50, 0], ids=["few-partners-asked", "whole-map-kept"])
def partners_reached_by(request, monkeypatch):
    monkeypatch.setattr(search, "FEW_ROWS_REACHING", request.param)
    return request.param


def test_it_counts_each_result_once_under_each_of_its_clusters(client, partners_reached_by):
    drr = ClusterFactory(name="Disaster risk", slug="drr-test")
    health = ClusterFactory(name="Public health", slug="health-test")
    partner = OrganizationFactory(name="Harbour resilience network", slug="harbour-network")
    for title, clusters in (
        ("Flood wall pilot", [drr]),
        ("Storm shelter pilot", [drr]),
        ("Clinic pilot", [health]),
    ):
        project = ProjectFactory(title=title)
        project.clusters.add(*clusters)
        ProjectPartnerFactory(project=project, organization=partner)
    ProjectFactory(title="Harbour resilience pilot").clusters.add(drr, health)

    partners = _search(client, "?q=harbour+resilience&type=partner")
    everything = _search(client, "?q=harbour+resilience")

    # One partner, reached through two pilots in one cluster and one in the other.
    assert _option(partners, "cluster", "Disaster risk").count == 1
    assert _option(partners, "cluster", "Public health").count == 1
    # The partner and the pilot in both clusters: each counted once in each.
    assert _option(everything, "cluster", "Disaster risk").count == 2
    assert _option(everything, "cluster", "Public health").count == 2


def test_a_partner_reaching_an_inactive_cluster_does_not_offer_it(client, partners_reached_by):
    drr = ClusterFactory(name="Disaster risk", slug="drr-test")
    archived = ClusterFactory(name="Archived space", slug="archived-test", is_active=False)
    partner = OrganizationFactory(name="Harbour resilience network", slug="harbour-network")
    _partner_in(partner, drr, archived)

    partners = _search(client, "?q=harbour+resilience&type=partner")

    assert {option.label for option in _facet_options(partners, "cluster")} == {"Disaster risk"}


def test_it_ignores_a_facet_value_it_does_not_know(client):
    ProjectFactory(title="Monsoon pilot")

    response = _search(client, "?q=monsoon&type=spaceship&country=XX&year=abc")

    assert _titles(response) == ["Monsoon pilot"]


def test_a_partners_clusters_follow_an_edit_of_its_partnerships_at_once(
    client, django_capture_on_commit_callbacks, partners_reached_by
):
    drr = ClusterFactory(name="Disaster risk", slug="drr-test")
    health = ClusterFactory(name="Public health", slug="health-test")
    partner = OrganizationFactory(name="Harbour resilience network", slug="harbour-network")
    first = ProjectFactory(title="Flood wall pilot")
    first.clusters.add(drr)
    ProjectPartnerFactory(project=first, organization=partner)
    before = _search(client, "?q=harbour+resilience&type=partner")

    clinic = ProjectFactory(title="Clinic pilot")
    clinic.clusters.add(health)
    with django_capture_on_commit_callbacks(execute=True):
        ProjectPartnerFactory(project=clinic, organization=partner)
    after = _search(client, "?q=harbour+resilience&type=partner")

    labels = {option.label for option in _facet_options(before, "cluster")}
    assert labels == {"Disaster risk"}
    assert _option(after, "cluster", "Public health").count == 1
    assert _option(after, "cluster", "Disaster risk").count == 1


def test_a_partners_clusters_are_named_in_the_readers_language(client, partners_reached_by):
    drr = ClusterFactory(name="Disaster risk", name_fr="Risques de catastrophe", slug="drr-test")
    health = ClusterFactory(name="Public health", slug="health-test")
    partner = OrganizationFactory(name="Harbour resilience network", slug="harbour-network")
    _partner_in(partner, drr, health)

    response = client.get("/fr" + reverse("portal:search") + "?q=harbour&type=partner")

    assert response.status_code == 200
    labels = {str(option.label) for option in _facet_options(response, "cluster")}
    # The French name where there is one; the original where there is not.
    assert "Risques de catastrophe" in labels
    assert "Public health" in labels


def test_a_search_finding_few_partners_asks_for_their_clusters_alone_until_the_map_is_kept(
    client, calls_to, monkeypatch
):
    drr = ClusterFactory(name="Disaster risk", slug="drr-test")
    found = OrganizationFactory(name="Harbour resilience network", slug="harbour-network")
    other = OrganizationFactory(name="Inland water board", slug="inland-water")
    for partner in (found, other):
        _partner_in(partner, drr)
    asked = calls_to(search, "partner_cluster_pairs")

    first = _search(client, "?q=harbour+resilience")
    second = _search(client, "?q=harbour+resilience")

    # Nothing kept, and one partner found: only its pairs are read, each time (PostgreSQL also
    # tries the corrected query, which finds none), and nothing is kept that a search with many
    # partners would take for the whole map.
    asked_for = [kwargs["organization_ids"] for _args, kwargs in asked]
    assert asked_for.count([found.pk]) == 2
    assert None not in asked_for
    assert _option(first, "cluster", "Disaster risk").count == 1
    assert _option(second, "cluster", "Disaster risk").count == 1
    asked.clear()
    monkeypatch.setattr(search, "FEW_ROWS_REACHING", 0)
    _search(client, "?q=harbour+resilience")
    _search(client, "?q=inland+water")
    # Too many to ask for alone: the whole map is read once, then kept for the next search.
    assert [kwargs for _args, kwargs in asked] == [{"organization_ids": None}]


def _partner_in(partner, *clusters):
    """A partner of one pilot in each of these clusters."""
    for cluster in clusters:
        project = ProjectFactory()
        project.clusters.add(cluster)
        ProjectPartnerFactory(project=project, organization=partner)


def _facet_options(response, param):
    return next(f for f in response.context["outcome"].facets if f.param == param).options


def test_a_result_in_an_inactive_cluster_does_not_offer_it(client):
    drr = ClusterFactory(name="Disaster risk", slug="drr-test")
    archived = ClusterFactory(name="Archived space", slug="archived-test", is_active=False)
    ResourceFactory(title="Cyclone toolkit").clusters.add(drr, archived)
    ProjectFactory(title="Cyclone pilot").clusters.add(archived)

    response = _search(client, "?q=cyclone")

    assert {option.label for option in _facet_options(response, "cluster")} == {"Disaster risk"}
    assert _option(response, "cluster", "Disaster risk").count == 1


def test_the_clusters_of_results_are_named_in_the_readers_language(client):
    drr = ClusterFactory(name="Disaster risk", name_fr="Risques de catastrophe", slug="drr-test")
    health = ClusterFactory(name="Public health", slug="health-test")
    ResourceFactory(title="Cyclone toolkit", title_fr="Boîte à outils cyclone").clusters.add(drr)
    EventFactory(title="Cyclone webinar", title_fr="Webinaire cyclone").clusters.add(health)

    english = _search(client, "?q=cyclone")
    french = client.get("/fr" + reverse("portal:search") + "?q=cyclone")

    assert french.status_code == 200
    labels = {str(option.label) for option in _facet_options(french, "cluster")}
    # The French name where there is one; the original where there is not.
    assert labels == {"Risques de catastrophe", "Public health"}
    assert {option.label for option in _facet_options(english, "cluster")} == {
        "Disaster risk",
        "Public health",
    }


def test_a_cluster_renamed_or_closed_shows_in_the_facets_at_once(
    client, django_capture_on_commit_callbacks
):
    drr = ClusterFactory(name="Disaster risk", slug="drr-test")
    health = ClusterFactory(name="Public health", slug="health-test")
    ResourceFactory(title="Cyclone toolkit").clusters.add(drr)
    ProjectFactory(title="Cyclone pilot").clusters.add(health)
    before = _search(client, "?q=cyclone")

    with django_capture_on_commit_callbacks(execute=True):
        drr.name = "Disaster risk reduction"
        drr.save()
        health.is_active = False
        health.save()
    after = _search(client, "?q=cyclone")

    assert {option.label for option in _facet_options(before, "cluster")} == {
        "Disaster risk",
        "Public health",
    }
    assert {option.label for option in _facet_options(after, "cluster")} == {
        "Disaster risk reduction"
    }


def test_a_search_reads_the_active_clusters_once(client, calls_to, partners_reached_by):
    drr = ClusterFactory(name="Disaster risk", slug="drr-test")
    _partner_in(OrganizationFactory(name="Harbour resilience network", slug="harbour"), drr)
    ResourceFactory(title="Harbour resilience toolkit").clusters.add(drr)
    read = calls_to(search, "_active_clusters")

    response = _search(client, "?q=harbour+resilience&exact=1")

    # The facets and the partners' clusters share one read (one cache read once kept).
    assert len(read) == 1
    assert _option(response, "cluster", "Disaster risk").count == 2
