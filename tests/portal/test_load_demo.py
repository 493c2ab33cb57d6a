"""`manage.py load_demo`: real actors of the Cities Project plus illustrative content, rerunnable."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command

from accounts.models import Organization, OrganizationKind, User
from cities.models import City
from clusters.models import Cluster
from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from events.models import CoHostRole, Event, EventKind, TrainingSeries
from projects.models import Project, ProjectKind, ProjectPhase
from resources.models import Resource, ResourceKind
from tests.factories import CityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

# The demo data is fixed; this is the day it was written for, not the day the tests run.
DEMO_TODAY = dt.date(2026, 11, 28)
DEMO_APPS = ("auth", "taggit", "accounts", "cities", "clusters", "projects", "events")
DEMO_APPS += ("notifications", "opportunities")
AUTO_TIMESTAMPS = ("created_at", "updated_at")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, list]:
    """Every row of every model the demo touches, with many-to-many ids, minus timestamps."""
    rows_by_model = {}
    for label in DEMO_APPS:
        for model in apps.get_app_config(label).get_models():
            rows = serializers.serialize("python", model._default_manager.order_by("pk"))
            for row in rows:
                for name in AUTO_TIMESTAMPS:
                    row["fields"].pop(name, None)
                for name, value in row["fields"].items():
                    if isinstance(value, list) and all(isinstance(v, int) for v in value):
                        row["fields"][name] = sorted(value)
            rows_by_model[model._meta.label] = rows
    return rows_by_model


def test_it_changes_nothing_when_run_a_second_time():
    load_demo()
    first = snapshot()

    output = load_demo()

    second = snapshot()
    assert {label: len(rows) for label, rows in second.items()} == {
        label: len(rows) for label, rows in first.items()
    }
    assert second == first
    assert "0 created, 0 updated" in output


def test_it_puts_back_demo_values_someone_edited():
    load_demo()
    Project.objects.filter(slug="lebanon-disaster-risk-governance").update(title="Edited")
    City.objects.filter(slug="nairobi").update(latitude=Decimal("0"))

    output = load_demo()

    assert Project.objects.get(slug="lebanon-disaster-risk-governance").title.startswith(
        "South-South and Triangular Cooperation"
    )
    assert City.objects.get(slug="nairobi").latitude == Decimal("-1.28639")
    assert "2 updated" in output


def test_it_loads_the_lebanon_pilot_with_its_cities_partners_and_milestones():
    load_demo()

    pilot = Project.objects.get(slug="lebanon-disaster-risk-governance")
    assert pilot.title == (
        "South-South and Triangular Cooperation for Sustainable Disaster Risk Governance in Lebanon"
    )
    assert pilot.kind == ProjectKind.PILOT
    assert pilot.phase == ProjectPhase.ACTIVE
    assert pilot.start_date == dt.date(2022, 10, 1)
    assert pilot.is_published and pilot.is_demo
    assert pilot.parent.title == "UNOSSC Cities Project"
    assert pilot.parent.kind == ProjectKind.PROGRAMME
    assert [c.slug for c in pilot.clusters.all()] == ["disaster-risk-reduction"]
    cities = {
        (link.city.name, link.city.country.code, link.role) for link in pilot.city_links.all()
    }
    assert cities == {("Tripoli", "LB", "learning"), ("Shenzhen", "CN", "sharing")}
    partners = {(link.organization.acronym, link.role) for link in pilot.partner_links.all()}
    assert ("UNDP", "implementing") in partners
    assert ("NDRCC", "technical") in partners
    assert ("CNRS", "technical") in partners
    assert {role for acronym, role in partners if acronym == "UNOSSC"} <= {
        "supporting",
        "coordinating",
    }
    assert len(partners) == 4
    assert pilot.milestones.filter(completed_on__isnull=True, due_on__gt=DEMO_TODAY).exists()
    assert pilot.milestones.filter(due_on=dt.date(2023, 9, 13)).exists()
    assert pilot.updates.published().count() >= 2


def test_it_describes_the_real_organizations_with_their_kind_and_country():
    load_demo()

    by_acronym = {org.acronym: org for org in Organization.objects.filter(is_demo=True)}
    assert by_acronym["NDRCC"].kind == OrganizationKind.NATIONAL_AGENCY
    assert by_acronym["NDRCC"].country.code == "CN"
    assert by_acronym["CNRS"].kind == OrganizationKind.RESEARCH
    assert by_acronym["CNRS"].country.code == "LB"
    for acronym in ("UNOSSC", "UNDP", "UNDRR-GETI", "PAHO/WHO", "WHO"):
        assert by_acronym[acronym].kind == OrganizationKind.UN_ENTITY
    kinds = set(Organization.objects.filter(is_demo=True).values_list("kind", flat=True))
    assert {"local_government", "ngo", "academia", "private"} <= kinds


def test_it_loads_the_four_certified_training_series_with_past_online_sessions():
    load_demo()

    for year in (2020, 2021, 2022, 2023):
        series = TrainingSeries.objects.get(slug=f"resilient-cities-training-{year}")
        assert (series.start_year, series.is_certified) == (year, True)
        assert series.sessions_required_for_certificate > 0
        assert {org.acronym for org in series.organizers.all()} == {
            "UNOSSC",
            "UNDRR-GETI",
            "PAHO/WHO",
            "WHO",
        }
        sessions = series.sessions.all()
        assert 2 <= len(sessions) <= 4
        assert sessions.count() >= series.sessions_required_for_certificate
        for session in sessions:
            assert session.kind == EventKind.TRAINING_SESSION
            assert session.format == "online"
            assert session.starts_at.year == year
            assert session.clusters.filter(slug="disaster-risk-reduction").exists()


def test_it_loads_the_september_2023_event_co_hosted_by_ndrcc():
    load_demo()

    event = Event.objects.get(slug="china-lebanon-drr-knowledge-sharing-2023")
    assert event.kind == EventKind.CAPACITY_DEVELOPMENT
    assert event.format == "hybrid"
    local_days = {
        event.starts_at.astimezone(event.tzinfo).date(),
        event.ends_at.astimezone(event.tzinfo).date(),
    }
    assert local_days == {dt.date(2023, 9, 12), dt.date(2023, 9, 13)}
    assert event.cohost_links.get(organization__acronym="NDRCC").role == CoHostRole.CO_HOST
    assert list(event.projects.values_list("slug", flat=True)) == [
        "lebanon-disaster-risk-governance"
    ]


def test_it_loads_the_news_of_the_directors_visit_to_ndrcc():
    load_demo()

    news = Resource.objects.get(slug="unossc-director-visits-ndrcc-2023")
    assert news.kind == ResourceKind.NEWS
    assert news.published_at.date() == dt.date(2023, 10, 18)
    assert news.is_published
    assert "Dima Al-Khatib" in news.body and "WEI Zhenkuan" in news.body
    assert [c.slug for c in news.clusters.all()] == ["disaster-risk-reduction"]
    assert {org.acronym for org in news.organizations.all()} == {"UNOSSC", "NDRCC"}
    assert [p.slug for p in news.projects.all()] == ["lebanon-disaster-risk-governance"]


def test_it_loads_at_least_thirty_demo_cities_with_real_coordinates():
    load_demo()

    cities = City.objects.filter(is_demo=True)
    assert cities.count() >= 32
    assert len(set(cities.values_list("region", flat=True))) == 5
    for city in cities:
        assert -90 <= city.latitude <= 90 and -180 <= city.longitude <= 180
        assert city.country and city.population and city.summary and city.joined_on
        assert city.hazards.exists()
        assert 1 <= city.cluster_memberships.count() <= 3
    nairobi = City.objects.get(slug="nairobi")
    assert (nairobi.latitude, nairobi.longitude) == (Decimal("-1.28639"), Decimal("36.81722"))
    tripoli = City.objects.get(name="Tripoli", country="LB")
    assert (tripoli.latitude, tripoli.longitude) == (Decimal("34.43667"), Decimal("35.84972"))


def test_it_gives_every_cluster_a_lead_city_a_published_pilot_an_event_and_resources():
    load_demo()

    assert Cluster.objects.count() == 7
    for cluster in Cluster.objects.all():
        assert cluster.memberships.filter(role="lead").exists(), cluster
        assert cluster.projects.published().pilots().exists(), cluster
        assert cluster.events.published().exists(), cluster
        assert 3 <= cluster.resources.published().count() <= 5, cluster


def test_it_dates_content_consistently_with_the_day_it_was_written_for():
    load_demo()

    for project in Project.objects.filter(is_demo=True):
        if project.end_date and project.end_date < DEMO_TODAY:
            assert project.phase == ProjectPhase.COMPLETED, project
        if project.start_date and project.start_date > DEMO_TODAY:
            assert project.phase == ProjectPhase.PLANNED, project
    demo_events = Event.objects.filter(is_demo=True)
    upcoming = [e for e in demo_events if e.starts_at.date() > DEMO_TODAY]
    assert len(upcoming) >= 8
    assert max(e.starts_at.date() for e in upcoming) <= dt.date(2027, 6, 30)
    assert len({e.time_zone for e in upcoming}) >= 4
    for model in (Project, Event, Resource, TrainingSeries):
        for row in model.objects.filter(is_demo=True, status="published"):
            assert row.published_at.date() <= DEMO_TODAY, row


def test_it_writes_only_rows_that_pass_model_validation():
    load_demo()

    for model in (Organization, City, Project, TrainingSeries, Event, Resource):
        for row in model.objects.filter(is_demo=True):
            row.full_clean()


def test_it_creates_the_three_demo_accounts_with_their_roles():
    load_demo()

    editor = User.objects.get(email="editor@example.org")
    official = User.objects.get(email="official@example.org")
    partner = User.objects.get(email="partner@example.org")
    assert editor.has_role(UN_STAFF)
    assert official.has_role(CITY_OFFICIAL) and official.city.name == "Tripoli"
    assert partner.has_role(PARTNER) and partner.organization.is_demo
    for user in (editor, official, partner):
        assert user.check_password("demo-password-2026")


def test_it_keeps_a_changed_demo_password_on_a_rerun():
    load_demo()
    editor = User.objects.get(email="editor@example.org")
    editor.set_password("my own secret")
    editor.save()

    load_demo()

    assert User.objects.get(email="editor@example.org").check_password("my own secret")


def test_it_leaves_rows_that_are_not_demo_content_alone():
    own_undp = OrganizationFactory(slug="undp", name="Our UNDP record", is_demo=False)
    own_city = CityFactory(slug="nairobi", name="Nairobi", country="KE", latitude="1.00000")

    load_demo()

    own_undp.refresh_from_db()
    own_city.refresh_from_db()
    assert (own_undp.name, own_undp.is_demo) == ("Our UNDP record", False)
    assert (own_city.latitude, own_city.is_demo) == (Decimal("1.00000"), False)
    assert not own_city.cluster_memberships.exists()
    pilot = Project.objects.get(slug="lebanon-disaster-risk-governance")
    assert pilot.partner_links.get(role="implementing").organization == own_undp


def test_it_explains_that_the_clusters_must_be_migrated_first():
    Cluster.objects.all().delete()

    with pytest.raises(CommandError, match="migrate"):
        load_demo()

    assert not City.objects.filter(is_demo=True).exists()
