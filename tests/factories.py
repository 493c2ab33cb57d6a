"""Factories for every model; tests build exactly the rows they need."""

import datetime as dt

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import Organization, OrganizationKind, User
from cities.models import City, Region
from clusters.models import Cluster, ClusterMembership
from core.models import PublicationStatus
from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from events.models import (
    Certificate,
    Event,
    EventCoHost,
    EventFormat,
    EventKind,
    FinalRequirementCompletion,
    Registration,
    TrainingSeries,
)
from notifications.models import Digest, Notification, OutboxEmail, Subscription
from opportunities.models import Application, Opportunity, OpportunityKind
from projects.models import (
    CollaborationKind,
    CollaborationRequest,
    Milestone,
    Project,
    ProjectCity,
    ProjectCityRole,
    ProjectKind,
    ProjectPartner,
    ProjectPartnerRole,
    ProjectPhase,
    ProjectUpdate,
)
from resources.models import Resource, ResourceKind


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organization {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    kind = OrganizationKind.NGO
    country = "KE"


def _grant_roles(user, create, roles):
    if not create:
        return
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    user.save()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        _grant_roles(self, create, extracted or [])


class StaffUserFactory(UserFactory):
    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        _grant_roles(self, create, [UN_STAFF] if extracted is None else extracted)


class CityOfficialFactory(UserFactory):
    city = factory.SubFactory("tests.factories.CityFactory")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        _grant_roles(self, create, [CITY_OFFICIAL] if extracted is None else extracted)


class PartnerFactory(UserFactory):
    organization = factory.SubFactory(OrganizationFactory)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        _grant_roles(self, create, [PARTNER] if extracted is None else extracted)


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = "LB"
    region = Region.ARAB_STATES
    latitude = "34.43670"
    longitude = "35.84970"
    population = 500_000
    summary = "A coastal city."
    joined_on = dt.date(2021, 1, 1)


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    name = factory.Sequence(lambda n: f"Test cluster {n}")
    slug = factory.Sequence(lambda n: f"test-cluster-{n}")
    summary = "A thematic space."
    order = factory.Sequence(lambda n: 100 + n)
    sdgs = factory.LazyFunction(lambda: [11])


class ClusterMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClusterMembership

    city = factory.SubFactory(CityFactory)
    cluster = factory.SubFactory(ClusterFactory)


class PublishedMixin(factory.django.DjangoModelFactory):
    status = PublicationStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))


class ResourceFactory(PublishedMixin):
    class Meta:
        model = Resource

    kind = ResourceKind.GOOD_PRACTICE
    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "What a city learned."
    body = "Some **Markdown** text."


class ProjectFactory(PublishedMixin):
    class Meta:
        model = Project

    kind = ProjectKind.PILOT
    title = factory.Sequence(lambda n: f"Pilot {n}")
    slug = factory.Sequence(lambda n: f"pilot-{n}")
    summary = "Two cities working together."
    phase = ProjectPhase.ACTIVE
    start_date = dt.date(2022, 10, 1)


class ProgrammeFactory(ProjectFactory):
    kind = ProjectKind.PROGRAMME
    title = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")


class ProjectCityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectCity

    project = factory.SubFactory(ProjectFactory)
    city = factory.SubFactory(CityFactory)
    role = ProjectCityRole.LEARNING


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectPartner

    project = factory.SubFactory(ProjectFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = ProjectPartnerRole.IMPLEMENTING


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = dt.date(2023, 9, 1)


class ProjectUpdateFactory(PublishedMixin):
    class Meta:
        model = ProjectUpdate

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Update {n}")
    body = "Progress report."


class CollaborationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollaborationRequest

    requester = factory.SubFactory(PartnerFactory)
    organization = factory.LazyAttribute(lambda o: o.requester.organization)
    kind = CollaborationKind.TECHNICAL_EXPERTISE
    project = factory.SubFactory(ProjectFactory)
    message = "We would like to share our flood early-warning experience."


class TrainingSeriesFactory(PublishedMixin):
    class Meta:
        model = TrainingSeries

    title = factory.Sequence(lambda n: f"Training series {n}")
    slug = factory.Sequence(lambda n: f"training-series-{n}")
    is_certified = True
    sessions_required_for_certificate = 2
    start_year = 2020
    end_year = 2023


class EventFactory(PublishedMixin):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = EventKind.WEBINAR
    format = EventFormat.ONLINE
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    time_zone = "UTC"
    languages = factory.LazyFunction(lambda: ["en"])


class EventCoHostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventCoHost

    event = factory.SubFactory(EventFactory)
    organization = factory.SubFactory(OrganizationFactory)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    user = factory.SubFactory(UserFactory)
    event = factory.SubFactory(EventFactory)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    user = factory.SubFactory(UserFactory)
    series = factory.SubFactory(TrainingSeriesFactory)


class FinalRequirementCompletionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinalRequirementCompletion

    user = factory.SubFactory(UserFactory)
    series = factory.SubFactory(
        TrainingSeriesFactory, final_requirement="Submit a city action plan"
    )


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    user = factory.SubFactory(UserFactory)
    cluster = factory.SubFactory(ClusterFactory)


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    verb = "published"
    title = factory.Sequence(lambda n: f"Something new {n}")


class OutboxEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboxEmail

    idempotency_key = factory.Sequence(lambda n: f"test:{n}")
    recipient = factory.SubFactory(UserFactory)
    to_email = factory.LazyAttribute(lambda o: o.recipient.email)
    subject = "Hello"
    text_body = "Hello there."


class DigestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Digest

    user = factory.SubFactory(UserFactory)
    period = "weekly"
    period_start = dt.date(2026, 11, 23)


class OpportunityFactory(PublishedMixin):
    class Meta:
        model = Opportunity

    kind = OpportunityKind.FELLOWSHIP
    title = factory.Sequence(lambda n: f"Fellowship {n}")
    slug = factory.Sequence(lambda n: f"fellowship-{n}")
    summary = "Three months with a host city's disaster-risk team."
    description = "What the fellows **do**."
    host_organization = factory.SubFactory(OrganizationFactory)
    cluster = factory.SubFactory(ClusterFactory)
    # Whole minutes, as the editor's date-time field shows them.
    deadline = factory.LazyFunction(
        lambda: (timezone.now() + dt.timedelta(days=30)).replace(second=0, microsecond=0)
    )
    places = 10
    how_to_apply = "Apply through the portal."


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    opportunity = factory.SubFactory(OpportunityFactory)
    applicant = factory.SubFactory(UserFactory)
    motivation = "I lead my city's early-warning work."
