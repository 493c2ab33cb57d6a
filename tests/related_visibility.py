"""Published items tied to unpublished ones, for the tests of the visibility rule (core.visibility).

Every unpublished item's title or name holds "Secret", "Embargoed" or "Dormant" and its slug
starts the same way, so a surface that leaks one is caught by its title or its slug alone.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from core.models import PublicationStatus
from projects.models import ProjectCityRole
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    EventCoHostFactory,
    EventFactory,
    OrganizationFactory,
    ProgrammeFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ProjectUpdateFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

DRAFT = {"status": PublicationStatus.DRAFT, "published_at": None}


def scheduled():
    """Published, but not before next week: not public yet either."""
    return {"published_at": timezone.now() + dt.timedelta(days=7)}


@dataclass
class World:
    tripoli: object
    lively_cluster: object
    dormant_cluster: object
    open_programme: object
    secret_programme: object
    harbour_pilot: object  # published, in the draft programme
    open_pilot: object  # published, in the published programme
    secret_pilot: object
    embargoed_pilot: object
    open_series: object
    secret_series: object
    embargoed_series: object
    harbour_webinar: object  # published, in the draft series
    coastal_webinar: object  # published, in the scheduled series
    open_webinar: object  # published, in the published series
    secret_session: object
    open_handbook: object
    secret_handbook: object
    open_update: object
    secret_update: object
    partner: object

    @property
    def hidden(self) -> list:
        return [
            self.dormant_cluster,
            self.secret_programme,
            self.secret_pilot,
            self.embargoed_pilot,
            self.secret_series,
            self.embargoed_series,
            self.secret_session,
            self.secret_handbook,
            self.secret_update,
        ]


def build_world() -> World:
    tripoli = CityFactory(name="Tripoli", slug="tripoli")
    byblos = CityFactory(name="Byblos", slug="byblos")
    lively = ClusterFactory(name="Lively cluster", slug="lively-cluster")
    dormant = ClusterFactory(name="Dormant cluster", slug="dormant-cluster", is_active=False)
    both_clusters = [lively, dormant]
    ClusterMembershipFactory(city=tripoli, cluster=lively)
    ClusterMembershipFactory(city=tripoli, cluster=dormant)

    open_programme = ProgrammeFactory(title="Open programme", slug="open-programme", parent=None)
    secret_programme = ProgrammeFactory(
        title="Secret programme", slug="secret-programme", parent=None, **DRAFT
    )
    harbour_pilot = ProjectFactory(
        title="Harbour pilot", slug="harbour-pilot", parent=secret_programme
    )
    open_pilot = ProjectFactory(title="Open pilot", slug="open-pilot", parent=open_programme)
    secret_pilot = ProjectFactory(
        title="Secret pilot", slug="secret-pilot", parent=open_programme, **DRAFT
    )
    embargoed_pilot = ProjectFactory(
        title="Embargoed pilot", slug="embargoed-pilot", parent=open_programme, **scheduled()
    )
    for pilot in (harbour_pilot, open_pilot, secret_pilot, embargoed_pilot):
        pilot.clusters.set(both_clusters)
        ProjectCityFactory(project=pilot, city=tripoli, role=ProjectCityRole.LEARNING)
    for pilot in (harbour_pilot, secret_pilot):
        ProjectCityFactory(project=pilot, city=byblos, role=ProjectCityRole.SHARING)

    open_series = TrainingSeriesFactory(title="Open curriculum", slug="open-curriculum")
    secret_series = TrainingSeriesFactory(
        title="Secret curriculum", slug="secret-curriculum", **DRAFT
    )
    embargoed_series = TrainingSeriesFactory(
        title="Embargoed curriculum", slug="embargoed-curriculum", **scheduled()
    )
    open_series.clusters.set(both_clusters)

    def event(title, slug, series, **fields):
        created = EventFactory(title=title, slug=slug, series=series, city=tripoli, **fields)
        created.clusters.set(both_clusters)
        created.projects.set([harbour_pilot, open_pilot, secret_pilot, embargoed_pilot])
        return created

    harbour_webinar = event("Harbour webinar", "harbour-webinar", secret_series)
    coastal_webinar = event("Coastal webinar", "coastal-webinar", embargoed_series)
    open_webinar = event("Open webinar", "open-webinar", open_series)
    secret_session = event("Secret session", "secret-session", open_series, **DRAFT)

    open_handbook = ResourceFactory(title="Open handbook", slug="open-handbook")
    secret_handbook = ResourceFactory(title="Secret handbook", slug="secret-handbook", **DRAFT)
    for resource in (open_handbook, secret_handbook):
        resource.clusters.set(both_clusters)
        resource.cities.set([tripoli])
        resource.projects.set([harbour_pilot, open_pilot, secret_pilot, embargoed_pilot])

    open_update = ProjectUpdateFactory(project=harbour_pilot, title="Harbour progress")
    secret_update = ProjectUpdateFactory(project=harbour_pilot, title="Secret update", **DRAFT)

    partner = OrganizationFactory(name="Harbour Partners", slug="harbour-partners")
    for pilot in (harbour_pilot, secret_pilot):
        ProjectPartnerFactory(project=pilot, organization=partner)
    for webinar in (harbour_webinar, secret_session):
        EventCoHostFactory(event=webinar, organization=partner)
    for series in (open_series, secret_series):
        series.organizers.add(partner)
    for resource in (open_handbook, secret_handbook):
        resource.organizations.add(partner)

    return World(
        tripoli=tripoli,
        lively_cluster=lively,
        dormant_cluster=dormant,
        open_programme=open_programme,
        secret_programme=secret_programme,
        harbour_pilot=harbour_pilot,
        open_pilot=open_pilot,
        secret_pilot=secret_pilot,
        embargoed_pilot=embargoed_pilot,
        open_series=open_series,
        secret_series=secret_series,
        embargoed_series=embargoed_series,
        harbour_webinar=harbour_webinar,
        coastal_webinar=coastal_webinar,
        open_webinar=open_webinar,
        secret_session=secret_session,
        open_handbook=open_handbook,
        secret_handbook=secret_handbook,
        open_update=open_update,
        secret_update=secret_update,
        partner=partner,
    )


def title_of(item) -> str:
    return getattr(item, "title", None) or item.name


def assert_names_none_of(body: str, items) -> None:
    """Neither the title (or name) nor the slug of any of these items is in the body."""
    for item in items:
        assert title_of(item) not in body, f"{title_of(item)!r} shown"
        slug = getattr(item, "slug", None)
        if slug:
            assert slug not in body, f"slug {slug!r} shown"


def assert_names_all_of(body: str, items) -> None:
    for item in items:
        assert title_of(item) in body, f"{title_of(item)!r} missing"
