"""An editor drafts a pilot through the site, previews it, publishes it; followers hear once."""

import pytest
from django.urls import reverse

from core.models import PublicationStatus
from projects.models import Project, ProjectCityRole
from tests.factories import OrganizationFactory, ProgrammeFactory


def _formset(prefix, rows, total=3):
    data = {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


@pytest.fixture
def pilot_form(tripoli, shenzhen, cluster):
    programme = ProgrammeFactory(title="Cities Project", slug="cities-project")
    undp = OrganizationFactory(name="UNDP", slug="undp")
    return {
        "kind": "pilot",
        "parent": str(programme.pk),
        "title": "Tripoli–Shenzhen disaster risk governance",
        "slug": "",
        "summary": "Tripoli learns from Shenzhen.",
        "body": "Shenzhen shares *how it governs* disaster risk.",
        "phase": "active",
        "start_date": "2022-10-01",
        "clusters": [str(cluster.pk)],
        "tags": "resilience, governance",
        **_formset(
            "cities",
            [
                {"city": str(tripoli.pk), "role": ProjectCityRole.LEARNING},
                {"city": str(shenzhen.pk), "role": ProjectCityRole.SHARING},
            ],
        ),
        **_formset("partners", [{"organization": str(undp.pk), "role": "implementing"}], 2),
        **_formset(
            "milestones", [{"title": "Launch", "due_on": "2022-10-01", "description": ""}], 2
        ),
    }


def _create(client, data):
    response = client.post(reverse("projects:create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Project.objects.get(title=data["title"])


def test_it_saves_a_new_pilot_as_a_draft_with_cities_partners_and_milestones(
    editor_client, pilot_form
):
    pilot = _create(editor_client, pilot_form)

    assert pilot.status == PublicationStatus.DRAFT
    assert pilot.published_at is None
    assert pilot.slug == "tripoli-shenzhen-disaster-risk-governance"
    assert {(link.city.slug, link.role) for link in pilot.city_links.all()} == {
        ("tripoli", "learning"),
        ("shenzhen", "sharing"),
    }
    assert [link.organization.name for link in pilot.partner_links.all()] == ["UNDP"]
    assert [m.title for m in pilot.milestones.all()] == ["Launch"]
    assert set(pilot.tags.names()) == {"resilience", "governance"}
    assert pilot.parent.slug == "cities-project"


def test_it_hides_the_draft_but_previews_it_for_editors(editor_client, client, pilot_form):
    pilot = _create(editor_client, pilot_form)

    preview = editor_client.get(reverse("projects:preview", kwargs={"slug": pilot.slug}))

    page = preview.content.decode()
    assert preview.status_code == 200
    assert "Preview — not published" in page
    assert "Tripoli learns from Shenzhen." in page
    assert "<em>how it governs</em>" in page
    assert "no-store" in preview["Cache-Control"] or "no-cache" in preview["Cache-Control"]
    pilot.refresh_from_db()
    assert pilot.status == PublicationStatus.DRAFT
    client.logout()
    assert client.get(pilot.get_absolute_url()).status_code == 404


def test_it_publishes_once_and_shows_the_pilot_on_its_cluster_page_and_the_list(
    editor_client, pilot_form, cluster, notified
):
    pilot = _create(editor_client, pilot_form)

    response = editor_client.post(reverse("projects:publish", kwargs={"slug": pilot.slug}))
    editor_client.post(reverse("projects:publish", kwargs={"slug": pilot.slug}))

    pilot.refresh_from_db()
    assert response.status_code == 302
    assert pilot.status == PublicationStatus.PUBLISHED
    assert pilot.published_at is not None
    assert notified == [pilot]
    editor_client.logout()
    assert pilot.title in editor_client.get(cluster.get_absolute_url()).content.decode()
    assert pilot.title in editor_client.get(reverse("projects:list")).content.decode()
    assert editor_client.get(pilot.get_absolute_url()).status_code == 200


def test_it_hides_an_unpublished_pilot_and_does_not_announce_it_again(
    editor_client, client_for, pilot_form, notified
):
    pilot = _create(editor_client, pilot_form)
    editor_client.post(reverse("projects:publish", kwargs={"slug": pilot.slug}))
    pilot.refresh_from_db()
    first_date = pilot.published_at

    editor_client.post(reverse("projects:unpublish", kwargs={"slug": pilot.slug}))
    anonymous = client_for("anonymous")
    hidden = anonymous.get(pilot.get_absolute_url()).status_code
    editor = client_for("editor")
    editor.post(reverse("projects:publish", kwargs={"slug": pilot.slug}))

    pilot.refresh_from_db()
    assert hidden == 404
    assert pilot.status == PublicationStatus.PUBLISHED
    assert pilot.published_at == first_date
    assert notified == [pilot]


def test_it_refuses_to_publish_an_update_of_a_draft_project(editor_client, pilot_form, notified):
    pilot = _create(editor_client, pilot_form)
    editor_client.post(
        reverse("projects:update-create", kwargs={"slug": pilot.slug}),
        {"title": "Field visit", "body": "We went."},
    )
    update = pilot.updates.get()

    editor_client.post(
        reverse("projects:update-publish", kwargs={"slug": pilot.slug, "pk": update.pk})
    )
    update.refresh_from_db()
    refused = update.status
    editor_client.post(reverse("projects:publish", kwargs={"slug": pilot.slug}))
    editor_client.post(
        reverse("projects:update-publish", kwargs={"slug": pilot.slug, "pk": update.pk})
    )
    update.refresh_from_db()

    assert refused == PublicationStatus.DRAFT
    assert update.status == PublicationStatus.PUBLISHED
    assert update.author.email == "editor@example.org"
    assert notified == [pilot, update]


def test_it_refuses_a_programme_under_a_programme_with_a_form_error(editor_client, pilot_form):
    response = editor_client.post(reverse("projects:create"), {**pilot_form, "kind": "programme"})

    assert response.status_code == 400
    assert "Only a pilot can belong to a programme." in response.content.decode()
    assert not Project.objects.filter(title=pilot_form["title"]).exists()
