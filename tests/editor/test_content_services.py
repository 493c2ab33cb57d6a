"""The content services every surface calls: lists of rows, validation and history."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from cities.models import City
from clusters.models import Cluster
from core.models import PublicationStatus
from events.services import event_create
from projects.models import Project, ProjectCityRole
from projects.services import project_create
from tests.factories import (
    CityFactory,
    CityOfficialFactory,
    ClusterFactory,
    EventFactory,
    MilestoneFactory,
    OrganizationFactory,
    ProjectCityFactory,
    ProjectFactory,
    StaffUserFactory,
)

pytestmark = pytest.mark.django_db


def _rows(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(sum(1 for row in rows if row.get("id"))),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def _project_page(project, milestones):
    return {
        "kind": project.kind,
        "title": project.title,
        "slug": project.slug,
        "phase": project.phase,
        "start_date": project.start_date.isoformat(),
        **_rows("cities", []),
        **_rows("partners", []),
        **_rows("milestones", milestones),
    }


def test_it_refuses_a_city_twice_in_a_new_pilot_and_saves_nothing():
    tripoli = CityFactory()
    editor = StaffUserFactory()

    with pytest.raises(ValidationError) as refusal:
        project_create(
            actor=editor,
            data={"title": "Twice", "slug": "twice", "status": "published"},
            cities=[
                {"city": tripoli, "role": ProjectCityRole.LEARNING},
                {"city": tripoli, "role": ProjectCityRole.SHARING},
            ],
        )

    assert refusal.value.message_dict == {"cities": ["Each city can appear only once."]}
    assert not Project.objects.filter(slug="twice").exists()


def test_it_names_the_row_and_field_a_co_host_is_missing():
    with pytest.raises(ValidationError) as refusal:
        event_create(
            actor=None,
            data={
                "title": "Workshop",
                "slug": "workshop",
                "kind": "workshop",
                "format": "online",
                "starts_at": EventFactory.build().starts_at,
                "ends_at": EventFactory.build().ends_at,
            },
            cohosts=[{"organization": OrganizationFactory(), "role": "co_host"}, {"role": "x"}],
        )

    assert set(refusal.value.message_dict) == {"cohosts.1.organization", "cohosts.1.role"}


def test_it_keeps_the_milestones_of_a_page_saved_without_touching_them(client):
    editor = StaffUserFactory()
    client.force_login(editor)
    project = ProjectFactory()
    launch = MilestoneFactory(project=project, title="Launch", due_on=dt.date(2023, 1, 1))
    row = {"id": launch.pk, "title": "Launch", "due_on": "2023-01-01", "description": ""}
    url = reverse("projects:edit", kwargs={"slug": project.slug})

    unchanged = client.post(url, _project_page(project, [row]))
    kept = list(project.milestones.values_list("pk", flat=True))
    moved = client.post(url, _project_page(project, [row | {"due_on": "2023-02-01"}]))

    assert (unchanged.status_code, moved.status_code) == (302, 302)
    assert kept == [launch.pk]
    assert [(m.title, m.due_on) for m in project.milestones.all()] == [
        ("Launch", dt.date(2023, 2, 1))
    ]
    assert launch.history.latest().history_user == editor


def test_it_keeps_cities_left_out_of_an_api_patch_and_clears_an_empty_list():
    editor = StaffUserFactory()
    api = APIClient()
    api.force_authenticate(editor)
    project = ProjectFactory(slug="pilot")
    ProjectCityFactory(project=project)

    renamed = api.patch("/api/v1/projects/pilot/", {"title": "Renamed"}, format="json")
    cities_after_rename = project.city_links.count()
    cleared = api.patch("/api/v1/projects/pilot/", {"cities": []}, format="json")

    assert (renamed.status_code, cleared.status_code) == (200, 200)
    assert cities_after_rename == 1
    assert project.city_links.count() == 0
    assert cleared.json()["cities"] == []


def test_it_records_who_changed_a_project_through_the_api_and_why():
    editor = StaffUserFactory()
    api = APIClient()
    api.force_authenticate(editor)
    project = ProjectFactory(slug="pilot")

    api.patch("/api/v1/projects/pilot/", {"title": "Renamed"}, format="json")

    latest = project.history.latest()
    assert (latest.title, latest.history_user, latest.history_change_reason) == (
        "Renamed",
        editor,
        "changed",
    )


def test_it_changes_a_city_in_the_admin_through_its_profile_service(admin_client, admin_user):
    city = CityFactory(summary="Old")
    data = {
        "name": city.name,
        "slug": city.slug,
        "country": city.country.code,
        "region": city.region,
        "latitude": str(city.latitude),
        "longitude": str(city.longitude),
        "summary": "New",
        "hazards": "flood, heat",
        "cluster_memberships-TOTAL_FORMS": "0",
        "cluster_memberships-INITIAL_FORMS": "0",
        "cluster_memberships-MIN_NUM_FORMS": "0",
        "cluster_memberships-MAX_NUM_FORMS": "1000",
        # The needs and offers inlines, empty.
        **{f"{p}-{n}": "0" for p in ("needs", "offers") for n in ("TOTAL_FORMS", "INITIAL_FORMS")},
    }

    response = admin_client.post(reverse("admin:cities_city_change", args=[city.pk]), data)

    city = City.objects.get(pk=city.pk)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert city.summary == "New"
    assert set(city.hazards.names()) == {"flood", "heat"}
    latest = city.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (admin_user, "profile changed")


def test_it_saves_a_cluster_s_order_from_the_admin_list_through_its_service(
    admin_client, admin_user
):
    cluster = ClusterFactory(order=5)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": cluster.pk,
        "form-0-order": "1",
        "form-0-is_active": "on",
        "_save": "Save",
    }

    response = admin_client.post(reverse("admin:clusters_cluster_changelist"), data)

    cluster = Cluster.objects.get(pk=cluster.pk)
    assert response.status_code == 302
    assert cluster.order == 1
    latest = cluster.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (admin_user, "profile changed")


def test_it_makes_a_proposal_s_slug_from_its_title(client):
    official = CityOfficialFactory()
    client.force_login(official)

    response = client.post(
        reverse("resources:propose"),
        {"kind": "good_practice", "title": "Flood drills", "language": "en"},
    )

    assert response.status_code == 302
    proposal = official.proposed_resources.get()
    assert proposal.slug == "flood-drills"
    assert proposal.status == PublicationStatus.DRAFT
    assert list(proposal.cities.all()) == [official.city]
    assert proposal.history.latest().history_change_reason == "proposed"
