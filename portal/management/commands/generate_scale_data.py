"""Fill the database with synthetic content at benchmark scale (bench/run.py drives it).

Everything is drawn from one seeded random generator, so the same seed gives the same rows.
Rows are bulk-inserted in batches; nothing is flagged as demo content, so the pages, search and
digests treat it as real. Dates are relative to the start of today (UTC): a small, fixed share
of pilots, events and resources is published within the last week so weekly digests have items.
"""

import contextlib
import datetime as dt
import random
import sys
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.utils import timezone

from accounts.models import Organization, OrganizationKind, OrganizationOffer, User
from cities.models import City, CityNeed, CityOffer, Region
from clusters.models import Cluster, ClusterMembership, MembershipRole, Topic
from core.models import PublicationStatus
from events.models import Event, EventFormat, EventKind
from matchmaking.services import matches_refresh_all
from notifications.models import Subscription
from projects.models import (
    Project,
    ProjectCity,
    ProjectCityRole,
    ProjectKind,
    ProjectPartner,
    ProjectPartnerRole,
    ProjectPhase,
)
from resources.models import Resource, ResourceKind

BATCH_SIZE = 5000
SLUG_PREFIX = "scale"
BENCH_USER_EMAIL = "bench@bench.invalid"
BENCH_USER_PASSWORD = "bench-password-not-secret"  # noqa: S105 (a throwaway bench database)
BAR_WIDTH = 30

# A Zipf-like vocabulary: a few words are common, most are rare, as in real text, so search
# queries match anything from a handful of rows to a large share of them.
_STEMS = [
    "resilien",
    "urban",
    "water",
    "flood",
    "heat",
    "drought",
    "waste",
    "energy",
    "solar",
    "transport",
    "transit",
    "air",
    "health",
    "clinic",
    "vaccine",
    "tourism",
    "heritage",
    "craft",
    "market",
    "farm",
    "crop",
    "value",
    "chain",
    "digital",
    "smart",
    "data",
    "platform",
    "finance",
    "budget",
    "housing",
    "slum",
    "land",
    "zoning",
    "coast",
    "river",
    "storm",
    "early",
    "warning",
    "risk",
    "governance",
    "mayor",
    "council",
    "youth",
    "women",
    "school",
    "training",
    "peer",
    "exchange",
    "pilot",
    "recycling",
    "compost",
    "landfill",
    "biogas",
    "grid",
    "tariff",
    "bus",
    "cycling",
    "walking",
    "emission",
    "monitor",
    "sensor",
    "mapping",
    "census",
    "planning",
    "recovery",
    "shelter",
    "evacuation",
    "drill",
    "hospital",
    "sanitation",
    "drainage",
    "canal",
    "port",
    "logistics",
    "ecommerce",
    "startup",
    "incubator",
    "museum",
    "festival",
    "cuisine",
    "textile",
    "cooperative",
    "irrigation",
]
_SUFFIXES = ("", "s", "ing", "ed", "ity", "al", "ion", "ment", "er", "ness")
VOCABULARY = [stem + suffix for stem in _STEMS for suffix in _SUFFIXES]
VOCABULARY_WEIGHTS = [1.0 / (rank + 1) for rank in range(len(VOCABULARY))]
CITY_SYLLABLES = [
    "ba",
    "ka",
    "lo",
    "mi",
    "ta",
    "ri",
    "sha",
    "zen",
    "tri",
    "po",
    "li",
    "na",
    "do",
    "ra",
    "ve",
    "ku",
    "ma",
    "sa",
    "te",
    "ho",
    "an",
    "el",
]
COUNTRIES = [
    "LB",
    "CN",
    "BR",
    "IN",
    "ID",
    "KE",
    "NG",
    "EG",
    "MA",
    "TN",
    "PE",
    "CO",
    "MX",
    "VN",
    "PH",
    "TH",
    "ZA",
    "GH",
    "SN",
    "ET",
    "BD",
    "PK",
    "LK",
    "NP",
]


def recent_count(total: int, per: int) -> int:
    """How many rows of a kind are published within the last week: a fixed share, at least 1."""
    return max(1, total // per) if total else 0


class Command(BaseCommand):
    help = (
        "Generate synthetic cities, pilots, events, resources, users and follows at benchmark "
        "scale, deterministically from --seed. Run it on an empty benchmark database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cities", type=int, default=5000)
        parser.add_argument("--projects", type=int, default=20000)
        parser.add_argument("--events", type=int, default=50000)
        parser.add_argument("--resources", type=int, default=200000)
        parser.add_argument("--users", type=int, default=100000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, **options):
        if City.objects.filter(slug__startswith=f"{SLUG_PREFIX}-").exists():
            raise CommandError("Scale data is already here; generate it into a fresh database.")
        self.clusters = list(Cluster.objects.order_by("order", "pk").values_list("pk", flat=True))
        if not self.clusters:
            raise CommandError("No clusters: run `manage.py migrate` first (it seeds them).")
        self.rng = random.Random(options["seed"])  # noqa: S311 (repeatable, not secret)
        self.batch_size = options["batch_size"]
        # Midnight today keeps the dates the same for every run of the same seed on one day.
        self.now = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        started = time.monotonic()
        with self.search_indexes_deferred():
            city_ids = self.make_cities(options["cities"])
            org_ids = self.make_organizations(max(10, options["cities"] // 20))
            project_ids = self.make_projects(options["projects"], city_ids, org_ids)
            self.make_events(options["events"], city_ids, project_ids)
            self.make_resources(options["resources"], city_ids, project_ids)
            self.make_users(options["users"], city_ids, project_ids)
            self.make_matchmaking(city_ids, org_ids, project_ids)
        self.stdout.write(
            self.style.SUCCESS(f"Scale data generated in {time.monotonic() - started:.1f} s.")
        )

    # --- helpers ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def search_indexes_deferred(self):
        """On PostgreSQL, build the full-text GIN indexes once at the end instead of row by row.

        Updating a GIN index for every inserted row is most of the insert time at scale; the
        indexes are recreated from their own definitions whatever happens, so none stays dropped.
        """
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            # Inside a transaction (the tests) PostgreSQL refuses CREATE INDEX on tables with
            # pending foreign-key checks; the indexes then simply stay in place.
            yield
            return
        with connection.cursor() as cursor:
            # Only this session's commits skip the wait for the disk; a crash loses bench rows only.
            cursor.execute("SET synchronous_commit TO off")
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND indexdef LIKE '%USING gin%' AND indexdef LIKE '%search_document%'"
            )
            indexes = cursor.fetchall()
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        try:
            yield
        finally:
            started = time.monotonic()
            with connection.cursor() as cursor:
                cursor.execute("SET maintenance_work_mem TO '256MB'")
                for _name, definition in indexes:
                    cursor.execute(definition)
                cursor.execute("ANALYZE")
            self.stdout.write(
                f"search indexes rebuilt and tables analyzed in {time.monotonic() - started:.1f} s"
            )

    def words(self, n: int) -> str:
        return " ".join(self.rng.choices(VOCABULARY, weights=VOCABULARY_WEIGHTS, k=n))

    def sentence(self, n: int) -> str:
        return self.words(n).capitalize()

    def past(self, *, recent: bool) -> dt.datetime:
        """A publication time: within the last six days, or one week to four years ago."""
        if recent:
            return self.now - dt.timedelta(minutes=self.rng.randint(60, 6 * 24 * 60))
        return self.now - dt.timedelta(minutes=self.rng.randint(8 * 24 * 60, 4 * 365 * 24 * 60))

    def insert(self, label: str, model, rows, total: int) -> list[int]:
        """Bulk-insert the rows an iterator yields, in batches, drawing a progress bar."""
        ids, batch, done = [], [], 0
        for row in rows:
            batch.append(row)
            if len(batch) >= self.batch_size:
                ids += self._flush(model, batch)
                done += len(batch)
                batch = []
                self.draw(label, done, total)
        if batch:
            ids += self._flush(model, batch)
            done += len(batch)
        self.draw(label, done, total, final=True)
        return ids

    def insert_links(self, label: str, field, ids, targets, share: float = 1.0) -> None:
        """Link about `share` of the `ids` each to one random target, through a many-to-many
        (`Event.projects`: ids of events, targets ids of projects)."""
        through = field.through
        source = f"{field.field.m2m_field_name()}_id"
        target = f"{field.field.m2m_reverse_field_name()}_id"
        rows = (
            through(**{source: pk, target: self.rng.choice(targets)})
            for pk in ids
            if share >= 1 or self.rng.random() < share
        )
        self.insert(label, through, rows, int(len(ids) * share))

    def _flush(self, model, batch) -> list[int]:
        with transaction.atomic():
            created = model.objects.bulk_create(batch)
        # With DEBUG on, Django keeps every statement; these are megabytes each.
        reset_queries()
        return [obj.pk for obj in created]

    def draw(self, label: str, done: int, total: int, final: bool = False):
        total = max(total, done, 1)
        filled = round(BAR_WIDTH * done / total)
        line = f"{label:<22} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        if self.stdout.isatty():
            self.stdout.write("\r" + line, ending="\n" if final else "")
            sys.stdout.flush()
        elif final:
            self.stdout.write(line)

    # --- content ------------------------------------------------------------------------------

    def make_cities(self, n: int) -> list[int]:
        regions = Region.values

        def rows():
            for i in range(n):
                name = "".join(self.rng.choices(CITY_SYLLABLES, k=3)).capitalize() + f" {i}"
                yield City(
                    name=name,
                    slug=f"{SLUG_PREFIX}-city-{i:06d}",
                    country=self.rng.choice(COUNTRIES),
                    region=self.rng.choice(regions),
                    latitude=round(self.rng.uniform(-40, 50), 5),
                    longitude=round(self.rng.uniform(-100, 140), 5),
                    population=self.rng.randint(50_000, 20_000_000),
                    summary=self.sentence(12),
                    description=self.sentence(60),
                    joined_on=(self.now - dt.timedelta(days=self.rng.randint(30, 2000))).date(),
                )

        city_ids = self.insert("cities", City, rows(), n)

        def memberships():
            for city_id in city_ids:
                for cluster_id in self.rng.sample(self.clusters, k=self.rng.randint(1, 2)):
                    yield ClusterMembership(
                        city_id=city_id,
                        cluster_id=cluster_id,
                        role=MembershipRole.LEAD if self.rng.random() < 0.05 else "member",
                    )

        self.insert("cluster memberships", ClusterMembership, memberships(), int(n * 1.5))
        return city_ids

    def make_organizations(self, n: int) -> list[int]:
        kinds = OrganizationKind.values
        rows = (
            Organization(
                name=f"Scale organization {i} {self.words(2)}",
                acronym=f"SO{i}",
                slug=f"{SLUG_PREFIX}-org-{i:05d}",
                kind=self.rng.choice(kinds),
                country=self.rng.choice(COUNTRIES),
                description=self.sentence(30),
            )
            for i in range(n)
        )
        return self.insert("organizations", Organization, rows, n)

    def make_projects(self, n: int, city_ids, org_ids) -> list[int]:
        if not n:
            return []
        programmes = max(1, n // 1000)
        recent = set(
            self.rng.sample(range(programmes, n), k=min(n - programmes, recent_count(n, 1000)))
        )

        def rows(numbers, parent_id=None):
            for i in numbers:
                kind = ProjectKind.PROGRAMME if i < programmes else ProjectKind.PILOT
                start = (self.now - dt.timedelta(days=self.rng.randint(0, 1500))).date()
                yield Project(
                    kind=kind,
                    title=f"{self.sentence(5)} {kind} {i}",
                    slug=f"{SLUG_PREFIX}-project-{i:06d}",
                    summary=self.sentence(20),
                    body=self.sentence(120),
                    phase=self.rng.choice(ProjectPhase.values),
                    start_date=start,
                    end_date=start + dt.timedelta(days=self.rng.randint(90, 900)),
                    status=PublicationStatus.PUBLISHED,
                    published_at=self.past(recent=i in recent),
                    parent_id=parent_id,
                )

        # The pilots are inserted with their programme, not given it by an UPDATE afterwards:
        # updating every row moved it to the table's end and left its first pages empty, which
        # a search's walk of the table (portal.search) then read on every query. A live table
        # looks like that only after such a bulk update (docs/deployment.md, Capacity).
        project_ids = self.insert("programmes", Project, rows(range(programmes)), programmes)
        project_ids += self.insert(
            "projects",
            Project,
            rows(range(programmes, n), parent_id=project_ids[0]),
            n - programmes,
        )
        roles = ProjectCityRole.values

        def city_links():
            for project_id in project_ids:
                for role, city_id in zip(
                    roles, self.rng.sample(city_ids, k=min(2, len(city_ids))), strict=False
                ):
                    yield ProjectCity(project_id=project_id, city_id=city_id, role=role)

        self.insert("project cities", ProjectCity, city_links(), 2 * n)
        partner_roles = ProjectPartnerRole.values
        self.insert(
            "project partners",
            ProjectPartner,
            (
                ProjectPartner(
                    project_id=project_id,
                    organization_id=self.rng.choice(org_ids),
                    role=self.rng.choice(partner_roles),
                )
                for project_id in project_ids
            ),
            n,
        )
        self.insert_links("project clusters", Project.clusters, project_ids, self.clusters)
        return project_ids

    def make_events(self, n: int, city_ids, project_ids) -> None:
        recent = set(self.rng.sample(range(n), k=min(n, recent_count(n, 2000))))
        kinds, formats = EventKind.values, EventFormat.values

        def rows():
            for i in range(n):
                # Four years back to three months ahead, like a living calendar.
                starts = self.now + dt.timedelta(hours=self.rng.randint(-4 * 365 * 24, 90 * 24))
                published = self.past(recent=i in recent)
                yield Event(
                    title=f"{self.sentence(5)} {i}",
                    slug=f"{SLUG_PREFIX}-event-{i:06d}",
                    kind=self.rng.choice(kinds),
                    format=self.rng.choice(formats),
                    summary=self.sentence(20),
                    description=self.sentence(80),
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=self.rng.randint(1, 48)),
                    city_id=self.rng.choice(city_ids) if city_ids else None,
                    capacity=self.rng.choice((None, 50, 100, 300)),
                    languages=["en"],
                    status=PublicationStatus.PUBLISHED,
                    published_at=min(published, starts),
                )

        event_ids = self.insert("events", Event, rows(), n)
        self.insert_links("event clusters", Event.clusters, event_ids, self.clusters)
        if project_ids:
            self.insert_links("event projects", Event.projects, event_ids, project_ids, 0.3)

    def make_resources(self, n: int, city_ids, project_ids) -> None:
        recent = set(self.rng.sample(range(n), k=min(n, recent_count(n, 2000))))
        kinds = ResourceKind.values

        def rows():
            for i in range(n):
                yield Resource(
                    kind=self.rng.choice(kinds),
                    title=f"{self.sentence(6)} {i}",
                    slug=f"{SLUG_PREFIX}-resource-{i:07d}",
                    summary=self.sentence(25),
                    body=self.sentence(150),
                    language="en",
                    status=PublicationStatus.PUBLISHED,
                    published_at=self.past(recent=i in recent),
                )

        resource_ids = self.insert("resources", Resource, rows(), n)
        self.insert_links("resource clusters", Resource.clusters, resource_ids, self.clusters)
        if city_ids:
            self.insert_links("resource cities", Resource.cities, resource_ids, city_ids, 0.5)
        if project_ids:
            self.insert_links(
                "resource projects", Resource.projects, resource_ids, project_ids, 0.2
            )

    def make_users(self, n: int, city_ids, project_ids) -> None:
        # One hash for everyone: hashing 100k passwords would take longer than the rest together.
        password = make_password(BENCH_USER_PASSWORD)
        bench_user = User(email=BENCH_USER_EMAIL, name="Bench reader", password=password)
        rows = (
            User(email=f"reader{i:06d}@bench.invalid", name=f"Reader {i}", password=password)
            for i in range(n)
        )
        user_ids = self.insert("users", User, rows, n)
        bench_user.save()

        def follows():
            # Every reader follows one cluster (so each weekly digest has items), one city, and
            # some a pilot: a realistic mix of broad and narrow interests.
            for user_id in [*user_ids, bench_user.pk]:
                yield Subscription(user_id=user_id, cluster_id=self.rng.choice(self.clusters))
                if city_ids:
                    yield Subscription(user_id=user_id, city_id=self.rng.choice(city_ids))
                if project_ids and self.rng.random() < 0.3:
                    yield Subscription(user_id=user_id, project_id=self.rng.choice(project_ids))

        self.insert("follows", Subscription, follows(), int(n * 2.3))

    def make_matchmaking(self, city_ids, org_ids, project_ids) -> None:
        """Two needs and two offers per city, expertise per organization, topics on pilots and
        events, then every city's suggestions computed as the nightly task does."""
        topics = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
        if not topics:
            return

        def city_rows(model):
            for city_id in city_ids:
                for topic_id in self.rng.sample(topics, k=2):
                    yield model(city_id=city_id, topic_id=topic_id, note=self.sentence(6))

        self.insert("city needs", CityNeed, city_rows(CityNeed), 2 * len(city_ids))
        self.insert("city offers", CityOffer, city_rows(CityOffer), 2 * len(city_ids))
        offers = (
            OrganizationOffer(organization_id=org_id, topic_id=topic_id)
            for org_id in org_ids
            for topic_id in self.rng.sample(topics, k=2)
        )
        self.insert("expertise offered", OrganizationOffer, offers, 2 * len(org_ids))
        project_topics = (
            Project.topics.through(project_id=project_id, topic_id=self.rng.choice(topics))
            for project_id in project_ids
        )
        self.insert("pilot topics", Project.topics.through, project_topics, len(project_ids))
        event_ids = list(
            Event.objects.filter(slug__startswith=f"{SLUG_PREFIX}-")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        event_topics = (
            Event.topics.through(event_id=event_id, topic_id=self.rng.choice(topics))
            for event_id in event_ids
        )
        self.insert("event topics", Event.topics.through, event_topics, len(event_ids))
        started = time.monotonic()
        refreshed = matches_refresh_all()
        self.stdout.write(
            f"suggestions            {refreshed} cities in {time.monotonic() - started:.1f} s"
        )
