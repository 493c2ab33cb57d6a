"""Writes the demo content of portal/demo/data.py so that running it again changes nothing.

Rows are found by their natural key (slug, email, or parent plus title) and only saved when a
value differs, so a rerun neither duplicates rows nor bumps `updated_at`. Rows someone created
by hand under a demo key (`is_demo` false) are used as they are and never overwritten.
"""

import datetime as dt
import time
from collections import Counter, defaultdict

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils import translation

from accounts.models import Organization, OrganizationOffer, User
from cities.models import City, CityNeed, CityOffer
from clusters.models import Cluster, ClusterMembership, Topic
from core.content_language import column, language_codes, translated_fields
from core.models import PublicationStatus
from core.roles import ALL_ROLES
from events.models import Certificate, Event, EventCoHost, Registration, TrainingSeries
from matchmaking.services import matches_refresh_all
from notifications.models import Subscription
from opportunities.models import Application, ApplicationStatusChange, Opportunity
from portal import site_pages
from portal.demo import data, opportunity_data
from portal.demo.translations import TRANSLATIONS
from portal.models import SitePage
from portal.site_pages import site_pages_create_missing, site_pages_translations_fill
from projects.models import (
    CollaborationRequest,
    CollaborationStatusChange,
    Milestone,
    Project,
    ProjectCity,
    ProjectPartner,
    ProjectUpdate,
)
from resources.models import Resource

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
KEPT = "kept (not demo)"
DELETED = "deleted"

_LOOK_UP = object()


class MissingClustersError(Exception):
    """The seven clusters come from a migration; demo content cannot stand without them."""


def demo_content_load(*, stdout=None) -> dict[type[models.Model], Counter]:
    """Create or refresh the demo content in one transaction; return counts per model."""
    started = time.monotonic()
    loader = _DemoLoader()
    # The demo data is written in English; the other languages come from translations.py.
    with transaction.atomic(), translation.override("en"):
        loader.load()
    # The suggestions the demo's needs and offers make, ready for the city pages.
    matches_refresh_all()
    if stdout is not None:
        _write_summary(stdout, loader.tally, time.monotonic() - started)
    return loader.tally


def _write_summary(stdout, tally: dict[type[models.Model], Counter], seconds: float) -> None:
    totals = Counter()
    for counts in tally.values():
        totals.update(counts)
    states = ", ".join(f"{totals[state]} {state}" for state in (CREATED, UPDATED, UNCHANGED))
    states += "".join(f", {totals[state]} {state}" for state in (KEPT, DELETED) if totals[state])
    stdout.write(f"Demo content loaded in {seconds:.1f} s: {states} rows.")
    rows = ", ".join(
        _quantity(counts.total() - counts[DELETED], model) for model, counts in tally.items()
    )
    stdout.write(f"  {rows}.")
    emails = ", ".join(user["email"] for user in data.USERS)
    stdout.write(f"Sign in as {emails} with the password {data.DEMO_PASSWORD!r}.")


def _quantity(number: int, model) -> str:
    name = model._meta.verbose_name if number == 1 else model._meta.verbose_name_plural
    return f"{number} {name}"


def _differs(obj: models.Model, name: str, value) -> bool:
    field = obj._meta.get_field(name)
    if field.is_relation:
        value = value.pk if value is not None else None
    return getattr(obj, field.attname) != value


def _matches(obj: models.Model, lookup: dict) -> bool:
    return not any(_differs(obj, name, value) for name, value in lookup.items())


def _owned(obj: models.Model) -> bool:
    """Whether the loader may change the row and the rows hanging off it."""
    return getattr(obj, "is_demo", True)


class _DemoLoader:
    def __init__(self):
        self.tally: dict[type[models.Model], Counter] = defaultdict(Counter)
        self.password_hash = None

    # --- generic writes -----------------------------------------------------------------------

    def count(self, model, state: str, number: int = 1) -> None:
        self.tally[model][state] += number

    def apply(self, obj: models.Model, values: dict) -> None:
        changed = [name for name, value in values.items() if _differs(obj, name, value)]
        if not changed:
            self.count(type(obj), UNCHANGED)
            return
        for name in changed:
            setattr(obj, name, values[name])
        # auto_now only advances when the field is among update_fields.
        stamps = [f.name for f in obj._meta.concrete_fields if getattr(f, "auto_now", False)]
        # A translated field (`title`) is written in the English column too (`title_en`).
        columns = [
            column(name, language)
            for name in changed
            if name in translated_fields(obj)
            for language in language_codes()
        ]
        obj.save(update_fields=[*changed, *columns, *stamps])
        self.count(type(obj), UPDATED)

    def upsert(self, model, lookup: dict, values: dict | None = None, *, found=_LOOK_UP):
        """Create or refresh the row matching `lookup`; `found` skips the query when known."""
        values = values or {}
        if found is _LOOK_UP:
            # By pk: some default orderings join other tables, which costs time and changes nothing.
            found = model._default_manager.filter(**lookup).order_by("pk").first()
        if found is None:
            found = model._default_manager.create(**lookup, **values)
            self.count(model, CREATED)
        elif not _owned(found):
            self.count(model, KEPT)
        else:
            self.apply(found, values)
        return found

    def upsert_by_slug(self, model, slug: str, values: dict) -> models.Model:
        return self.upsert(model, {"slug": slug}, values, found=self.by_slug[model].get(slug))

    def sync_children(self, model, parent: dict, rows: list[tuple[dict, dict]]) -> None:
        """Make the demo rows of `model` under `parent` exactly `rows` (lookup, values)."""
        current = list(model._default_manager.filter(**parent).order_by("pk"))
        keep = set()
        for lookup, values in rows:
            found = next((row for row in current if _matches(row, lookup)), None)
            keep.add(self.upsert(model, {**parent, **lookup}, values, found=found).pk)
        stale = [row.pk for row in current if row.pk not in keep and _owned(row)]
        if stale:
            model._default_manager.filter(pk__in=stale).delete()
            self.count(model, DELETED, len(stale))

    def sync_status_history(self, obj, model, parent_name: str, history, *, sent_at) -> None:
        """The steps of a request's or an application's review, `history` rows of (from status,
        to status, actor's email, when, note), dated as the demo tells them."""
        parent = {parent_name: obj}
        self.sync_children(
            model,
            parent,
            [
                (
                    {"from_status": from_status, "to_status": to_status},
                    {"actor": self.users[email], "note": note},
                )
                for from_status, to_status, email, _at, note in history
            ],
        )
        # auto_now_add stamps the load time, which would put the sending after the decision;
        # update() leaves updated_at alone, so a rerun still changes nothing.
        type(obj).objects.filter(pk=obj.pk).exclude(created_at=sent_at).update(created_at=sent_at)
        for from_status, to_status, _email, at, _note in history:
            model.objects.filter(**parent, from_status=from_status, to_status=to_status).exclude(
                created_at=at
            ).update(created_at=at)

    def upsert_spec(self, model, spec: dict, fields: tuple, extra: dict | None = None):
        """The demo row of `model` with the slug of `spec`: `fields` as `spec` says, and `extra`."""
        values = {name: spec[name] for name in fields} | (extra or {}) | {"is_demo": True}
        return self.upsert_by_slug(model, spec["slug"], values)

    def set_tags(self, manager, names: list[str]) -> None:
        # Reading the names first saves taggit's several queries when nothing changed.
        if set(manager.names()) != set(names):
            manager.set(names)

    # --- the content --------------------------------------------------------------------------

    def load(self) -> None:
        self.clusters = {c.slug: c for c in Cluster.objects.filter(slug__in=data.ALL_CLUSTERS)}
        missing = sorted(set(data.ALL_CLUSTERS) - set(self.clusters))
        if missing:
            raise MissingClustersError(
                "The seven clusters are missing (" + ", ".join(missing) + "); run "
                "`python manage.py migrate` first."
            )
        self.by_slug = {
            model: {row.slug: row for row in model._default_manager.filter(slug__in=slugs)}
            for model, slugs in (
                (Organization, [spec["slug"] for spec in data.ORGANIZATIONS]),
                (City, [spec["slug"] for spec in data.CITIES]),
                (Project, [spec["slug"] for spec in data.PROJECTS]),
                (TrainingSeries, [spec["slug"] for spec in data.TRAINING_SERIES]),
                (Event, [spec["slug"] for spec in data.EVENTS] + data.session_slugs()),
                (Resource, [spec["slug"] for spec in data.RESOURCES]),
            )
        }
        self.groups = {role: self.upsert(Group, {"name": role}) for role in ALL_ROLES}
        self.organizations = {
            spec["slug"]: self.load_organization(spec) for spec in data.ORGANIZATIONS
        }
        self.cities = {spec["slug"]: self.load_city(spec) for spec in data.CITIES}
        self.users = {spec["email"]: self.load_user(spec) for spec in data.USERS}
        self.editor = self.users[data.UN_STAFF_EMAIL]
        # A pilot's parent programme comes earlier in the list, so it is already here.
        self.projects = {}
        for spec in data.PROJECTS:
            self.projects[spec["slug"]] = self.load_project(spec)
        self.events = {}
        self.series = {spec["slug"]: self.load_series(spec) for spec in data.TRAINING_SERIES}
        for spec in data.EVENTS:
            self.events[spec["slug"]] = self.load_event(spec)
        for spec in data.RESOURCES:
            self.load_resource(spec)
        self.load_participation()
        self.load_matchmaking()
        self.load_site_pages()
        self.load_opportunities()
        self.load_translations()

    def load_matchmaking(self) -> None:
        """Needs, offers and expertise, and the topics of pilots and events."""
        topics = self.topics = {topic.slug: topic for topic in Topic.objects.all()}

        def rows(entries):
            return [
                ({"topic": topics[slug]}, {"note": note, "contact_role": role})
                for slug, note, role in entries
            ]

        for model, lists in ((CityNeed, data.NEEDS), (CityOffer, data.OFFERS)):
            for slug, entries in lists.items():
                city = self.cities[slug]
                if _owned(city):
                    self.sync_children(model, {"city": city}, rows(entries))
        for slug, entries in data.ORGANIZATION_OFFERS.items():
            organization = self.organizations[slug]
            if _owned(organization):
                self.sync_children(OrganizationOffer, {"organization": organization}, rows(entries))
        for objects, wanted in (
            (self.projects, data.PROJECT_TOPICS),
            (self.events, data.EVENT_TOPICS),
        ):
            for slug, topic_slugs in wanted.items():
                obj = objects[slug]
                names = {topics[name].pk for name in topic_slugs}
                if _owned(obj) and set(obj.topics.values_list("pk", flat=True)) != names:
                    obj.topics.set(names)

    def load_site_pages(self) -> None:
        # Created by the migration already; put back only what is missing, never staff's text.
        created = site_pages_create_missing(SitePage)
        site_pages_translations_fill(SitePage, slugs=created)
        self.count(SitePage, CREATED, len(created))
        self.count(SitePage, UNCHANGED, len(site_pages.SLUGS) - len(created))

    def load_translations(self) -> None:
        """The hand-written French, Spanish, Arabic, Chinese and Russian texts of
        portal/demo/translations.py, each in its language's column."""
        for label, rows in TRANSLATIONS.items():
            model = apps.get_model(label)
            for key, languages in rows.items():
                if label in ("projects.milestone", "projects.projectupdate"):
                    project_slug, title = key.split(":", 1)
                    lookup = {"project__slug": project_slug, "title_en": title}
                else:
                    lookup = {"slug": key}
                row = model._default_manager.filter(**lookup).order_by("pk").first()
                if row is None or not _owned(row):
                    continue
                self.apply(
                    row,
                    {
                        column(field, language): text
                        for language, fields in languages.items()
                        for field, text in fields.items()
                    },
                )

    def load_organization(self, spec: dict) -> Organization:
        return self.upsert_spec(Organization, spec, tuple(key for key in spec if key != "slug"))

    def load_city(self, spec: dict) -> City:
        fields = ("name", "country", "region", "latitude", "longitude", "population")
        fields += ("joined_on", "summary", "description")
        city = self.upsert_spec(City, spec, fields)
        if _owned(city):
            self.set_tags(city.hazards, spec["hazards"])
            self.sync_children(
                ClusterMembership,
                {"city": city},
                [
                    ({"cluster": self.clusters[slug]}, {"role": role, "since": spec["joined_on"]})
                    for slug, role in spec["clusters"]
                ],
            )
        return city

    def load_user(self, spec: dict) -> User:
        values = {
            "name": spec["name"],
            "organization": self.organizations.get(spec["organization"]),
            "city": self.cities.get(spec["city"]),
            "time_zone": spec["time_zone"],
            "preferred_language": spec["preferred_language"],
            "digest_frequency": spec["digest_frequency"],
        }
        user = User.objects.filter(email__iexact=spec["email"]).first()
        if user is None:
            # One hash for the three accounts: hashing is deliberately slow, the password shared.
            if self.password_hash is None:
                self.password_hash = make_password(data.DEMO_PASSWORD)
            user = User.objects.create(email=spec["email"], password=self.password_hash, **values)
            self.count(User, CREATED)
        else:
            # The password is left alone: set_password would write a new hash on every run.
            self.apply(user, values)
        user.groups.add(self.groups[spec["role"]])
        return user

    def load_project(self, spec: dict) -> Project:
        project = self.upsert_by_slug(
            Project,
            spec["slug"],
            {
                "kind": spec["kind"],
                "parent": self.projects.get(spec["parent"]),
                "title": spec["title"],
                "summary": spec["summary"],
                "body": spec["body"],
                "phase": spec["phase"],
                "start_date": spec["start_date"],
                "end_date": spec["end_date"],
                "status": PublicationStatus.PUBLISHED,
                "published_at": spec["published_at"],
                "is_demo": True,
            },
        )
        if not _owned(project):
            return project
        project.clusters.set([self.clusters[slug] for slug in spec["clusters"]])
        self.set_tags(project.tags, spec["tags"])
        self.sync_children(
            ProjectCity,
            {"project": project},
            [({"city": self.cities[slug]}, {"role": role}) for slug, role in spec["cities"]],
        )
        self.sync_children(
            ProjectPartner,
            {"project": project},
            [
                ({"organization": self.organizations[slug], "role": role}, {})
                for slug, role in spec["partners"]
            ],
        )
        self.sync_children(
            Milestone,
            {"project": project},
            [
                (
                    {"title": title},
                    {"description": description, "due_on": due_on, "completed_on": completed_on},
                )
                for title, description, due_on, completed_on in spec["milestones"]
            ],
        )
        self.sync_children(
            ProjectUpdate,
            {"project": project},
            [
                (
                    {"title": title},
                    {
                        "body": body,
                        "author": self.editor,
                        "status": PublicationStatus.PUBLISHED,
                        "published_at": published_at,
                        "is_demo": True,
                    },
                )
                for title, body, published_at in spec["updates"]
            ],
        )
        return project

    def load_series(self, spec: dict) -> TrainingSeries:
        fields = ("title", "summary", "description", "is_certified", "start_year", "end_year")
        fields += ("sessions_required_for_certificate", "published_at")
        series = self.upsert_spec(
            TrainingSeries,
            spec,
            fields,
            {
                "final_requirement": spec.get("final_requirement", ""),
                "status": PublicationStatus.PUBLISHED,
            },
        )
        if not _owned(series):
            return series
        organizers = [self.organizations[slug] for slug in spec["organizers"]]
        series.organizers.set(organizers)
        series.clusters.set([self.clusters[slug] for slug in spec["clusters"]])
        for number, (day, topic) in enumerate(spec["sessions"], start=1):
            starts_at = data.local(
                spec["time_zone"], day.year, day.month, day.day, data.SESSION_START_HOUR
            )
            session = self.upsert_by_slug(
                Event,
                data.session_slug(spec["slug"], number),
                {
                    "title": topic,
                    "kind": "training_session",
                    "format": "online",
                    "summary": f"Session {number} of {len(spec['sessions'])}: {series.title}.",
                    "description": series.description,
                    "starts_at": starts_at,
                    "ends_at": starts_at + dt.timedelta(hours=data.SESSION_HOURS),
                    "time_zone": spec["time_zone"],
                    "online_url": f"https://training.example.org/{spec['slug']}/{number}",
                    "series": series,
                    "capacity": 500,
                    "registration_opens_at": spec["published_at"],
                    "registration_closes_at": starts_at - dt.timedelta(days=1),
                    "languages": spec["languages"],
                    "status": PublicationStatus.PUBLISHED,
                    "published_at": spec["published_at"],
                    "is_demo": True,
                },
            )
            self.events[session.slug] = session
            if _owned(session):
                session.clusters.set(series.clusters.all())
                self.sync_children(
                    EventCoHost,
                    {"event": session},
                    [({"organization": org}, {"role": "organizer"}) for org in organizers],
                )
        return series

    def load_event(self, spec: dict) -> Event:
        fields = ("title", "kind", "format", "summary", "description", "starts_at", "ends_at")
        fields += ("time_zone", "venue", "online_url", "capacity", "languages", "published_at")
        fields += ("registration_opens_at", "registration_closes_at")
        event = self.upsert_spec(
            Event,
            spec,
            fields,
            {"city": self.cities.get(spec["city"]), "status": PublicationStatus.PUBLISHED},
        )
        if _owned(event):
            event.clusters.set([self.clusters[slug] for slug in spec["clusters"]])
            event.projects.set([self.projects[slug] for slug in spec["projects"]])
            self.sync_children(
                EventCoHost,
                {"event": event},
                [
                    ({"organization": self.organizations[slug]}, {"role": role})
                    for slug, role in spec["cohosts"]
                ],
            )
        return event

    def load_resource(self, spec: dict) -> Resource:
        fields = ("kind", "title", "summary", "body", "external_url", "language", "status")
        resource = self.upsert_spec(
            Resource,
            spec,
            fields,
            {"published_at": spec["published_at"], "author": self.editor},
        )
        if _owned(resource):
            resource.clusters.set([self.clusters[slug] for slug in spec["clusters"]])
            resource.cities.set([self.cities[slug] for slug in spec["cities"]])
            resource.organizations.set([self.organizations[slug] for slug in spec["organizations"]])
            resource.projects.set([self.projects[slug] for slug in spec["projects"]])
            self.set_tags(resource.tags, spec["tags"])
        return resource

    def load_participation(self) -> None:
        for email, event_slug, status in data.REGISTRATIONS:
            self.upsert(
                Registration,
                {"user": self.users[email], "event": self.events[event_slug]},
                {"status": status},
            )
        for email, series_slug, issued_on, code in data.CERTIFICATES:
            self.upsert(
                Certificate,
                {"user": self.users[email], "series": self.series[series_slug]},
                {"issued_on": issued_on, "verification_code": code},
            )
        targets = {"cluster": self.clusters, "city": self.cities, "project": self.projects}
        for email, kind, slug in data.SUBSCRIPTIONS:
            self.upsert(Subscription, {"user": self.users[email], kind: targets[kind][slug]})
        for spec in data.COLLABORATION_REQUESTS:
            self.load_collaboration_request(spec)

    def load_collaboration_request(self, spec: dict) -> None:
        request = self.upsert(
            CollaborationRequest,
            {
                "requester": self.users[spec["requester"]],
                "kind": spec["kind"],
                "project": self.projects[spec["project"]],
            },
            {
                "organization": self.organizations[spec["organization"]],
                "message": spec["message"],
                "contact_preferences": spec["contact_preferences"],
                "status": spec["status"],
                "decided_at": spec["decided_at"],
            },
        )
        self.sync_status_history(
            request, CollaborationStatusChange, "request", spec["history"], sent_at=spec["sent_at"]
        )

    def load_opportunities(self) -> None:
        opportunities = {}
        for spec in opportunity_data.OPPORTUNITIES:
            fields = ("kind", "title", "summary", "description", "deadline", "places")
            opportunity = self.upsert(
                Opportunity,
                {"slug": spec["slug"]},
                {name: spec[name] for name in fields}
                | {
                    "how_to_apply": spec["how_to_apply"],
                    "host_organization": self.organizations[spec["host_organization"]],
                    "host_city": self.cities[spec["host_city"]],
                    "cluster": self.clusters[spec["cluster"]],
                    "eligible_regions": spec["eligible_regions"],
                    "eligible_countries": spec["eligible_countries"],
                    "status": PublicationStatus.PUBLISHED,
                    "published_at": spec["published_at"],
                    "is_demo": True,
                },
            )
            topic_ids = {self.topics[slug].pk for slug in spec["topics"]}
            if _owned(opportunity) and (
                set(opportunity.topics.values_list("pk", flat=True)) != topic_ids
            ):
                opportunity.topics.set(topic_ids)
            opportunities[spec["slug"]] = opportunity
        for email, slug, city, motivation, decided_at, history in opportunity_data.APPLICATIONS:
            application = self.upsert(
                Application,
                {"applicant": self.users[email], "opportunity": opportunities[slug]},
                {
                    "city": self.cities[city],
                    "organization": self.users[email].organization,
                    "motivation": motivation,
                    "status": history[-1][1],
                    "decided_at": decided_at,
                },
            )
            self.sync_status_history(
                application, ApplicationStatusChange, "application", history, sent_at=history[0][3]
            )
