import datetime as dt

import pytest
from django.contrib.admin import helpers
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from clusters.models import ReviewState
from events.models import RegistrationStatus
from portal.models import PublicationStatus
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
    (ResourceFactory, "admin:clusters_resource_changelist"),
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

    run_action(admin_client, "admin:clusters_resource_changelist", "publish_selected", [withdrawn])

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


def test_it_marks_registrations_as_attended(admin_client):
    registration = RegistrationFactory()

    run_action(
        admin_client, "admin:events_registration_changelist", "mark_attended", [registration]
    )

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED


def test_it_leaves_proposals_under_review_unpublished_and_says_so(admin_client):
    proposal = ResourceFactory(review_state=ReviewState.PROPOSED, **DRAFT)
    ready = ResourceFactory(**DRAFT)

    response = run_action(
        admin_client, "admin:clusters_resource_changelist", "publish_selected", [proposal, ready]
    )

    proposal.refresh_from_db()
    ready.refresh_from_db()
    assert proposal.status == PublicationStatus.DRAFT
    assert ready.status == PublicationStatus.PUBLISHED
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "1 item published." in shown
    assert "1 selected proposal is still under review and was left unpublished." in shown
