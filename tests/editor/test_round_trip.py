"""Every edit form, submitted exactly as it loads, changes nothing.

For each content type's editor (collected from the declarations, so a new one cannot skip this
test), and for each person who may reach the form, the test builds a fully filled item (tags with
spaces and commas, relations, rows of every list), loads its edit page, sends back exactly what
a browser would send for the form as shown, and compares the item before and after: fields,
tags, many-to-many links and list rows. The same is done for the admin's change forms.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from cities.models import CityNeed, CityOffer
from clusters.models import Topic
from core.editor import editor_urls, registered_editors
from core.models import PublicationStatus
from portal.models import SitePage
from resources.models import ReviewState
from tests.factories import (
    CityFactory,
    CityOfficialFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    EventCoHostFactory,
    EventFactory,
    MilestoneFactory,
    OpportunityFactory,
    OrganizationFactory,
    ProgrammeFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ProjectUpdateFactory,
    ResourceFactory,
    StaffUserFactory,
    TrainingSeriesFactory,
    UserFactory,
)
from tests.form_data import form_data

pytestmark = pytest.mark.django_db

# Tags people really type: several words, accents, and one with a comma (taggit quotes it).
TAGS = ["early warning", "séisme", "flood, coastal"]
# Changed by every save, so not part of what "unchanged" means.
# Nothing is ignored: a form saved unchanged keeps even its "updated" time and its history.
IGNORED_FIELDS: set[str] = set()


def snapshot(obj) -> dict:
    """Everything the forms can touch: own fields, links, tags and list rows."""
    obj = type(obj).objects.get(pk=obj.pk)
    state = {
        field.name: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.name not in IGNORED_FIELDS
    }
    if hasattr(obj, "history"):
        state["history entries"] = obj.history.count()
    for field in obj._meta.many_to_many:
        related = getattr(obj, field.name).all()
        if field.name in {"tags", "hazards"}:
            state[field.name] = sorted(tag.name for tag in related)
        else:
            state[field.name] = sorted(item.pk for item in related)
    for rows in ("city_links", "partner_links", "milestones", "cohost_links", "needs", "offers"):
        if hasattr(obj, rows):
            state[rows] = sorted(
                tuple(
                    (field.name, getattr(row, field.attname))
                    for field in row._meta.concrete_fields
                    if field.name not in {"id", "project", "event"}
                )
                for row in getattr(obj, rows).all()
            )
    return state


def _city():
    city = CityFactory(
        name="Tripoli",
        summary="A port city in the north of Lebanon.",
        description="Tripoli faces **floods** and earthquakes.\n\n- item one\n- item two",
        website="https://tripoli.example.org/",
        population=730_000,
        latitude=Decimal("34.43670"),
        longitude=Decimal("35.84970"),
    )
    city.hazards.set(TAGS)
    ClusterMembershipFactory(city=city)
    topics = list(Topic.objects.order_by("slug")[:3])
    CityNeed.objects.create(city=city, topic=topics[0], note="Sirens that reach the old town.")
    CityNeed.objects.create(city=city, topic=topics[1], contact_role="Head of civil protection")
    CityOffer.objects.create(city=city, topic=topics[2], note="Our port's drills, in Arabic.")
    return city


def _pilot():
    pilot = ProjectFactory(
        parent=ProgrammeFactory(),
        title="Tripoli–Shenzhen disaster risk governance",
        summary="Tripoli learns from Shenzhen.",
        body="Shenzhen *shares* how it governs disaster risk.\n\nTripoli adapts it.",
        start_date=dt.date(2022, 10, 1),
        end_date=dt.date(2025, 12, 31),
    )
    pilot.clusters.set([ClusterFactory(), ClusterFactory()])
    pilot.topics.set(Topic.objects.order_by("slug")[:2])
    pilot.tags.set(TAGS)
    ProjectCityFactory(project=pilot, role="learning")
    ProjectCityFactory(project=pilot, role="sharing")
    ProjectPartnerFactory(project=pilot, role="implementing")
    MilestoneFactory(project=pilot, due_on=dt.date(2023, 1, 1), completed_on=dt.date(2023, 1, 5))
    MilestoneFactory(
        project=pilot,
        due_on=dt.date(2026, 6, 1),
        description="Next *step*.",
        # Written on the milestone's translation page: the pilot's form keeps it.
        title_fr="Prochaine étape",
        description_ar="الخطوة *التالية*.",
    )
    return pilot


def _update():
    return ProjectUpdateFactory(
        project=ProjectFactory(), body="We went to **Shenzhen**.", author=StaffUserFactory()
    )


def _event():
    series = TrainingSeriesFactory()
    start = timezone.now().replace(microsecond=0, second=0) + dt.timedelta(days=30)
    event = EventFactory(
        series=series,
        time_zone="Asia/Beirut",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        city=CityFactory(),
        venue="Municipal hall",
        online_url="https://meet.example.org/room",
        capacity=40,
        registration_opens_at=start - dt.timedelta(days=20),
        registration_closes_at=start - dt.timedelta(days=1),
        languages=["en", "ar"],
        description="Bring your *city plan*.",
    )
    event.clusters.set([ClusterFactory()])
    event.topics.set(Topic.objects.order_by("slug")[:2])
    event.projects.set([ProjectFactory()])
    EventCoHostFactory(event=event, role="organizer")
    EventCoHostFactory(event=event, role="technical")
    return event


def _series():
    series = TrainingSeriesFactory(
        is_certified=True,
        sessions_required_for_certificate=3,
        start_year=2021,
        end_year=2023,
        final_requirement="Submit a city action plan.",
        description="Four sessions.",
    )
    series.organizers.set([OrganizationFactory(), OrganizationFactory()])
    series.clusters.set([ClusterFactory()])
    return series


def _resource():
    resource = ResourceFactory(
        body="A *good* practice.",
        external_url="https://example.org/report",
        language="fr",
        author=StaffUserFactory(),
    )
    resource.clusters.set([ClusterFactory()])
    resource.cities.set([CityFactory(), CityFactory()])
    resource.organizations.set([OrganizationFactory()])
    resource.projects.set([ProjectFactory()])
    resource.tags.set(TAGS)
    return resource


def _opportunity():
    opportunity = OpportunityFactory(
        host_city=CityFactory(),
        eligible_regions=["africa", "arab_states"],
        eligible_countries=["LB", "EG"],
        how_to_apply="Send a *letter*.",
        deadline=timezone.now().replace(microsecond=0, second=0) + dt.timedelta(days=20),
    )
    # Two of its cluster's topics out of three, beside another cluster's list in the form.
    topics = [
        Topic.objects.create(cluster=opportunity.cluster, name=name, slug=f"rt-{slug}", order=n)
        for n, (name, slug) in enumerate(
            [("Early warning systems", "ews"), ("Risk governance", "gov"), ("Codes", "codes")]
        )
    ]
    opportunity.topics.set(topics[:2])
    return opportunity


def _cluster():
    return ClusterFactory(sdgs=[3, 11, 13], colour="#1f6fb2", icon="shield", order=4)


def _site_page():
    # One of the pages the migration creates, with the Markdown a real page has.
    return SitePage.objects.get(slug="accessibility")


BUILDERS = {
    "cities.city": _city,
    "clusters.cluster": _cluster,
    "projects.project": _pilot,
    "projects.projectupdate": _update,
    "events.event": _event,
    "events.trainingseries": _series,
    "resources.resource": _resource,
    "portal.sitepage": _site_page,
    "opportunities.opportunity": _opportunity,
}


def _cases():
    """Each declared editor, published and as a draft where the type has drafts."""
    for editor in registered_editors():
        if not editor.has_edit_page:
            # Written in another form (a milestone in its pilot's, an organization in the
            # admin's), whose round trip is tested with that form.
            continue
        statuses = ["published", "draft"] if editor.publishable else ["as is"]
        for status in statuses:
            yield pytest.param(editor, status, id=f"{editor.model._meta.label}-{status}")


@pytest.mark.parametrize(("editor", "status"), list(_cases()))
def test_an_edit_form_submitted_unchanged_changes_nothing(client, editor, status):
    label = editor.model._meta.label_lower
    assert label in BUILDERS, f"{label} has an editor but no round-trip case here"
    obj = BUILDERS[label]()
    if status == PublicationStatus.DRAFT:
        type(obj).objects.filter(pk=obj.pk).update(status=status, published_at=None)
    client.force_login(StaffUserFactory())
    before = snapshot(obj)
    url = editor_urls(obj)["edit"]

    page = client.get(url)
    response = client.post(url, {**form_data(page.content.decode(), form_class="editor-form")})

    assert response.status_code == 302, response.content.decode()[:3000]
    assert snapshot(obj) == before


def test_a_city_official_saving_their_city_unchanged_changes_nothing(client):
    city = _city()
    client.force_login(CityOfficialFactory(city=city))
    before = snapshot(city)
    url = reverse("cities:edit", kwargs={"slug": city.slug})

    response = client.post(
        url, form_data(client.get(url).content.decode(), form_class="editor-form")
    )

    assert response.status_code == 302
    assert snapshot(city) == before


def test_a_proposer_resubmitting_their_proposal_unchanged_changes_nothing(client):
    official = CityOfficialFactory()
    proposal = _resource()
    type(proposal).objects.filter(pk=proposal.pk).update(
        status=PublicationStatus.DRAFT,
        published_at=None,
        review_state=ReviewState.PROPOSED,
        proposed_by=official,
    )
    proposal.cities.add(official.city)
    client.force_login(official)
    before = snapshot(proposal)
    url = reverse("resources:edit", kwargs={"slug": proposal.slug})

    response = client.post(
        url, form_data(client.get(url).content.decode(), form_class="editor-form")
    )

    assert response.status_code == 302
    assert snapshot(proposal) == before


ADMIN_CASES = {
    "cities.city": _city,
    "clusters.cluster": _cluster,
    "projects.project": _pilot,
    "projects.projectupdate": _update,
    "events.event": _event,
    "events.trainingseries": _series,
    "resources.resource": _resource,
    "portal.sitepage": _site_page,
    "opportunities.opportunity": _opportunity,
    "accounts.organization": lambda: OrganizationFactory(
        description="An *agency*.", website="https://org.example.org/"
    ),
}


@pytest.mark.parametrize("label", sorted(ADMIN_CASES))
def test_an_admin_change_form_submitted_unchanged_changes_nothing(admin_client, label):
    obj = ADMIN_CASES[label]()
    before = snapshot(obj)
    app_label, model = label.split(".")
    url = reverse(f"admin:{app_label}_{model}_change", args=[obj.pk])

    page = admin_client.get(url)
    data = form_data(page.content.decode(), form_id=f"{model}_form")
    response = admin_client.post(url, {**data, "_save": "Save"})

    assert response.status_code == 302, response.content.decode()[:3000]
    assert snapshot(obj) == before


def test_the_profile_form_submitted_unchanged_changes_nothing(client):
    person = UserFactory(name="Rania Haddad", preferred_language="ar", time_zone="Asia/Beirut")
    client.force_login(person)
    before = snapshot(person)
    url = reverse("accounts:profile")

    response = client.post(url, form_data(client.get(url).content.decode(), form_id="profile-form"))

    assert response.status_code == 302
    assert snapshot(person) == before
