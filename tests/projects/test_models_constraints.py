import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from core.models import PublicationStatus
from projects.models import (
    CollaborationKind,
    CollaborationRequest,
    Project,
    ProjectCity,
    ProjectCityRole,
    ProjectKind,
    ProjectPartner,
    ProjectPartnerRole,
    ProjectUpdate,
)
from tests.factories import (
    CityFactory,
    ClusterFactory,
    OrganizationFactory,
    ProgrammeFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    UserFactory,
)


@pytest.mark.django_db
def test_it_refuses_a_project_published_without_a_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(
            title="Pilot", slug="pilot", status=PublicationStatus.PUBLISHED, published_at=None
        )


@pytest.mark.django_db
def test_it_refuses_a_project_update_published_without_a_date():
    project = ProjectFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectUpdate.objects.create(
            project=project, title="Launch", status=PublicationStatus.PUBLISHED, published_at=None
        )


@pytest.mark.django_db
def test_it_refuses_a_project_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(start_date=dt.date(2023, 10, 1), end_date=dt.date(2023, 9, 30))


@pytest.mark.django_db
def test_it_accepts_a_project_that_ends_the_day_it_starts():
    project = ProjectFactory(start_date=dt.date(2023, 10, 1), end_date=dt.date(2023, 10, 1))

    assert project.pk


@pytest.mark.django_db
def test_it_refuses_a_programme_under_another_programme():
    cities_project = ProgrammeFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeFactory(parent=cities_project)


@pytest.mark.django_db
def test_it_accepts_a_pilot_under_a_programme():
    pilot = ProjectFactory(kind=ProjectKind.PILOT, parent=ProgrammeFactory())

    assert pilot.parent.kind == ProjectKind.PROGRAMME


def make_request(**targets):
    fields = {
        "requester": UserFactory(),
        "organization": OrganizationFactory(),
        "kind": CollaborationKind.TECHNICAL_EXPERTISE,
        "message": "We can share our early-warning experience.",
    }
    fields.update(targets)
    return CollaborationRequest.objects.create(**fields)


@pytest.mark.django_db
def test_it_refuses_a_collaboration_request_without_a_target():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_request()


@pytest.mark.django_db
def test_it_refuses_a_collaboration_request_with_two_targets():
    project, cluster = ProjectFactory(), ClusterFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        make_request(project=project, cluster=cluster)


@pytest.mark.django_db
def test_it_refuses_a_collaboration_request_without_an_organization():
    project = ProjectFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        make_request(project=project, organization=None, organization_name="")


@pytest.mark.django_db
def test_it_accepts_a_request_from_an_organization_known_only_by_name():
    request = make_request(
        city=CityFactory(), organization=None, organization_name="Tripoli Engineers Syndicate"
    )

    assert request.target == request.city


@pytest.mark.django_db
def test_it_refuses_a_city_twice_in_the_same_project():
    link = ProjectCityFactory(role=ProjectCityRole.LEARNING)

    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectCity.objects.create(
            project=link.project, city=link.city, role=ProjectCityRole.SHARING
        )


@pytest.mark.django_db
def test_it_refuses_a_partner_playing_the_same_role_twice():
    link = ProjectPartnerFactory(role=ProjectPartnerRole.TECHNICAL)

    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectPartner.objects.create(
            project=link.project, organization=link.organization, role=ProjectPartnerRole.TECHNICAL
        )


@pytest.mark.django_db
def test_it_lets_a_partner_play_two_roles_in_one_project():
    link = ProjectPartnerFactory(role=ProjectPartnerRole.IMPLEMENTING)
    ProjectPartner.objects.create(
        project=link.project, organization=link.organization, role=ProjectPartnerRole.FUNDING
    )

    assert link.project.partner_links.filter(organization=link.organization).count() == 2
