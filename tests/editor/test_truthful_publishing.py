"""On a published item nothing reaches the public until a button that says it publishes is
pressed; "Preview changes" shows the unsaved edit in the public layout and keeps nothing."""

import pytest
from django.urls import reverse

from core.models import PublicationStatus
from notifications.models import Notification
from tests.factories import ProjectFactory, SubscriptionFactory
from tests.form_data import form_data

pytestmark = pytest.mark.django_db


def _project_form(client, project, **changes):
    url = reverse("projects:edit", kwargs={"slug": project.slug})
    data = {
        "kind": project.kind,
        "title": project.title,
        "slug": project.slug,
        "summary": project.summary,
        "body": project.body,
        "phase": project.phase,
        "start_date": project.start_date.isoformat() if project.start_date else "",
    }
    for prefix in ("cities", "partners", "milestones"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(changes)
    return url, data


def test_a_published_item_offers_to_publish_or_preview_changes_never_to_save_a_draft(
    editor_client,
):
    pilot = ProjectFactory(title="Tripoli–Shenzhen pilot")

    page = editor_client.get(reverse("projects:edit", kwargs={"slug": pilot.slug}))

    html = page.content.decode()
    assert "Publish changes" in html
    assert "Preview changes" in html
    assert "Save draft" not in html


def test_a_draft_is_saved_as_a_draft(editor_client):
    draft = ProjectFactory(status=PublicationStatus.DRAFT, published_at=None)

    html = editor_client.get(reverse("projects:edit", kwargs={"slug": draft.slug})).content
    assert "Save draft" in html.decode()
    assert "Publish changes" not in html.decode()


def test_previewing_changes_shows_them_in_the_public_layout_and_keeps_nothing(editor_client):
    pilot = ProjectFactory(title="Tripoli–Shenzhen pilot", summary="The old summary.")
    follower = SubscriptionFactory(cluster=None, project=pilot).user
    history_before = pilot.history.count()
    url, data = _project_form(
        editor_client, pilot, title="A corrected title", summary="A clearer summary."
    )

    response = editor_client.post(url, {**data, "action": "preview"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview of your changes" in html
    assert "A corrected title" in html and "A clearer summary." in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    pilot.refresh_from_db()
    assert pilot.title == "Tripoli–Shenzhen pilot"
    assert pilot.summary == "The old summary."
    assert pilot.history.count() == history_before
    assert not Notification.objects.filter(recipient=follower).exists()
    public = editor_client.get(pilot.get_absolute_url()).content.decode()
    assert "A corrected title" not in public


def test_publishing_changes_puts_them_in_public_and_records_who(editor_client, cast):
    pilot = ProjectFactory(title="Tripoli–Shenzhen pilot")
    url, data = _project_form(editor_client, pilot, title="A corrected title")

    response = editor_client.post(url, {**data, "action": "save"}, follow=True)

    assert "Your changes are published." in response.content.decode()
    pilot.refresh_from_db()
    assert pilot.title == "A corrected title"
    assert pilot.status == PublicationStatus.PUBLISHED
    latest = pilot.history.latest("history_date")
    assert latest.history_user == cast["editor"]
    assert latest.title == "A corrected title"


def test_saving_a_published_item_unchanged_says_nothing_was_changed(editor_client, cast):
    pilot = ProjectFactory(title="Tripoli–Shenzhen pilot")
    url = reverse("projects:edit", kwargs={"slug": pilot.slug})
    data = form_data(editor_client.get(url).content.decode(), form_class="editor-form")

    response = editor_client.post(url, {**data, "action": "save"}, follow=True)

    html = response.content.decode()
    assert "Nothing was changed." in html
    assert "Your changes are published." not in html
