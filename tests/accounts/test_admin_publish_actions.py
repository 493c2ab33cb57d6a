import datetime as dt

import pytest
from django.contrib.admin import helpers
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from core.models import PublicationStatus
from events.models import RegistrationStatus
from resources.models import ReviewState
from tests.factories import (
    EventFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    RegistrationFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

DRAFT = {"status": PublicationStatus.DRAFT, "published_at": None}
PUBLISHABLE = [
    (ResourceFactory, "admin:resources_resource_changelist"),
    (ProjectFactory, "admin:projects_project_changelist"),
    (ProjectUpdateFactory, "admin:projects_projectupdate_changelist"),
    (EventFactory, "admin:events_event_changelist"),
    (TrainingSeriesFactory, "admin:events_trainingseries_changelist"),
]


def run_action(client, url_name, action, rows):
    return client.post(
        reverse(url_name),
        {"action": action, helpers.ACTION_CHECKBOX_NAME: [row.pk for row in rows]},
    )


@pytest.mark.parametrize(("factory", "url_name"), PUBLISHABLE)
def test_it_publishes_drafts_from_the_changelist(admin_client, factory, url_name):
    draft = factory(**DRAFT)

    response = run_action(admin_client, url_name, "publish_selected", [draft])

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.PUBLISHED
    assert draft.published_at is not None
    assert draft.is_published


def test_it_keeps_the_original_publication_date_when_republishing(admin_client):
    first_published = timezone.now() - dt.timedelta(days=30)
    withdrawn = ResourceFactory(status=PublicationStatus.DRAFT, published_at=first_published)

    run_action(admin_client, "admin:resources_resource_changelist", "publish_selected", [withdrawn])

    withdrawn.refresh_from_db()
    assert withdrawn.status == PublicationStatus.PUBLISHED
    assert withdrawn.published_at == first_published


@pytest.mark.parametrize(("factory", "url_name"), PUBLISHABLE)
def test_it_unpublishes_from_the_changelist(admin_client, factory, url_name):
    published, untouched = factory(), factory()

    run_action(admin_client, url_name, "unpublish_selected", [published])

    published.refresh_from_db()
    untouched.refresh_from_db()
    assert published.status == PublicationStatus.DRAFT
    assert untouched.status == PublicationStatus.PUBLISHED


def _started_event(**kwargs):
    return EventFactory(starts_at=timezone.now() - dt.timedelta(hours=3), **kwargs)


def test_it_marks_registrations_as_attended(admin_client):
    registration = RegistrationFactory(event=_started_event())

    run_action(
        admin_client, "admin:events_registration_changelist", "mark_attended", [registration]
    )

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED


def test_marking_the_last_session_from_the_admin_issues_the_certificate(admin_client):
    series = TrainingSeriesFactory(sessions_required_for_certificate=2)
    first, last = (_started_event(series=series) for _ in range(2))
    done = RegistrationFactory(event=first, status=RegistrationStatus.ATTENDED)
    registration = RegistrationFactory(event=last, user=done.user)

    response = run_action(
        admin_client, "admin:events_registration_changelist", "mark_attended", [registration]
    )

    assert series.certificates.filter(user=done.user).count() == 1
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert "1 certificate issued." in shown


def test_it_leaves_people_without_a_seat_and_future_events_alone_and_says_why(admin_client):
    waitlisted = RegistrationFactory(event=_started_event(), status=RegistrationStatus.WAITLISTED)
    upcoming = RegistrationFactory()

    response = run_action(
        admin_client,
        "admin:events_registration_changelist",
        "mark_attended",
        [waitlisted, upcoming],
    )

    waitlisted.refresh_from_db()
    upcoming.refresh_from_db()
    assert waitlisted.status == RegistrationStatus.WAITLISTED
    assert upcoming.status == RegistrationStatus.REGISTERED
    shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "0 registrations marked as attended." in shown
    assert "Attendance can be recorded once the event has started. (1)" in shown
    assert "Only people holding a seat can be marked" in shown


def test_it_accepts_a_proposal_when_an_editor_publishes_it_from_the_list(admin_client):
    proposal = ResourceFactory(
        review_state=ReviewState.PROPOSED, review_comment="Add a photo", **DRAFT
    )

    run_action(admin_client, "admin:resources_resource_changelist", "publish_selected", [proposal])

    proposal.refresh_from_db()
    assert proposal.is_published
    assert proposal.review_state == ReviewState.NONE
    assert proposal.history.latest().history_change_reason == "published"


def test_it_says_why_an_update_of_an_unpublished_project_stays_a_draft(admin_client):
    hidden_project = ProjectFactory(**DRAFT)
    update = ProjectUpdateFactory(project=hidden_project, title="Kick-off", **DRAFT)
    ready = ProjectUpdateFactory(**DRAFT)

    response = run_action(
        admin_client, "admin:projects_projectupdate_changelist", "publish_selected", [update, ready]
    )

    update.refresh_from_db()
    ready.refresh_from_db()
    assert update.status == PublicationStatus.DRAFT
    assert ready.is_published
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Kick-off: Publish the project before its updates." in shown
    assert "1 item published." in shown
