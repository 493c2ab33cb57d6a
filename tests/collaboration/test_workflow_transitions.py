"""The request workflow allows only its transitions; every other pair is refused and changes nothing."""

import itertools

import pytest

from notifications.models import Notification
from projects import collaboration_services as services
from projects.models import (
    CollaborationRequest,
    CollaborationStatus,
    CollaborationStatusChange,
    ProjectPartner,
)
from tests.factories import CollaborationRequestFactory, ProjectFactory

pytestmark = pytest.mark.django_db

S = CollaborationStatus
LEGAL = {
    (S.SUBMITTED, S.UNDER_REVIEW),
    (S.SUBMITTED, S.WITHDRAWN),
    (S.UNDER_REVIEW, S.ACCEPTED),
    (S.UNDER_REVIEW, S.DECLINED),
    (S.UNDER_REVIEW, S.WITHDRAWN),
}
ILLEGAL = sorted(set(itertools.product(S.values, S.values)) - LEGAL)


def move(request, to_status, *, cast):
    """Ask for `to_status` the way the pages do, as the person allowed to ask for it."""
    if to_status == S.UNDER_REVIEW:
        return services.collaboration_request_start_review(request=request, actor=cast.staff)
    if to_status == S.ACCEPTED:
        return services.collaboration_request_accept(request=request, actor=cast.staff)
    if to_status == S.DECLINED:
        return services.collaboration_request_decline(request=request, actor=cast.staff)
    if to_status == S.WITHDRAWN:
        return services.collaboration_request_withdraw(request=request, actor=request.requester)
    # Nothing offers a way back to "submitted"; the state machine itself must refuse it.
    return services._transition(request=request, to_status=to_status, actor=cast.staff)


def test_it_has_twenty_illegal_pairs_out_of_twenty_five():
    assert len(ILLEGAL) == 20


@pytest.mark.parametrize(("from_status", "to_status"), sorted(LEGAL))
def test_it_allows_each_legal_transition_and_records_it(cast, from_status, to_status):
    request = CollaborationRequestFactory(requester=cast.partner, status=from_status)

    move(request, to_status, cast=cast)

    request.refresh_from_db()
    assert request.status == to_status
    change = CollaborationStatusChange.objects.get(request=request)
    assert (change.from_status, change.to_status) == (from_status, to_status)
    assert (request.decided_at is not None) == (to_status in (S.ACCEPTED, S.DECLINED))


@pytest.mark.parametrize(("from_status", "to_status"), ILLEGAL)
def test_it_refuses_each_illegal_transition_and_changes_nothing(cast, from_status, to_status):
    request = CollaborationRequestFactory(requester=cast.partner, status=from_status)

    with pytest.raises(services.IllegalTransition) as refusal:
        move(request, to_status, cast=cast)

    assert str(S(from_status).label) in str(refusal.value)
    request.refresh_from_db()
    assert request.status == from_status
    assert request.decided_at is None
    assert not CollaborationStatusChange.objects.exists()
    assert not Notification.objects.exists()


def test_it_walks_the_whole_way_and_tells_the_other_side_each_time(cast):
    request = services.collaboration_request_submit(
        requester=cast.partner,
        kind="technical_expertise",
        message="We can help.",
        project=cast.pilot,
    )
    assert Notification.objects.filter(recipient=cast.staff).count() == 1

    services.collaboration_request_start_review(request=request, actor=cast.staff)
    services.collaboration_request_accept(request=request, actor=cast.staff, note="Welcome!")

    request.refresh_from_db()
    assert request.status == S.ACCEPTED
    assert request.assigned_to == cast.staff
    history = list(request.status_changes.values_list("from_status", "to_status", "note"))
    assert history == [
        ("", S.SUBMITTED, ""),
        (S.SUBMITTED, S.UNDER_REVIEW, ""),
        (S.UNDER_REVIEW, S.ACCEPTED, "Welcome!"),
    ]
    assert Notification.objects.filter(recipient=cast.partner).count() == 2


def test_it_lets_an_accepted_organization_join_the_pilot_as_a_partner(cast):
    request = CollaborationRequestFactory(
        requester=cast.partner, project=cast.pilot, status=S.UNDER_REVIEW
    )

    services.collaboration_request_accept(
        request=request,
        actor=cast.staff,
        outcome=services.AcceptOutcome.JOIN_PROJECT,
        partner_role="technical",
    )

    assert ProjectPartner.objects.filter(
        project=cast.pilot, organization=cast.partner.organization, role="technical"
    ).exists()
    request.refresh_from_db()
    assert (request.accepted_project, request.accepted_role) == (cast.pilot, "technical")


def test_it_creates_a_draft_pilot_when_an_acceptance_starts_one(cast):
    request = CollaborationRequestFactory(
        requester=cast.partner, project=None, cluster=cast.cluster, status=S.UNDER_REVIEW
    )

    services.collaboration_request_accept(
        request=request,
        actor=cast.staff,
        outcome=services.AcceptOutcome.NEW_PILOT,
        new_pilot_title="Nairobi–Tripoli flood exchange",
    )

    request.refresh_from_db()
    pilot = request.accepted_project
    assert pilot.title == "Nairobi–Tripoli flood exchange"
    assert pilot.status == "draft"
    assert list(pilot.clusters.all()) == [cast.cluster]


def test_it_links_an_existing_project_as_the_new_pilot(cast):
    existing = ProjectFactory(status="draft", published_at=None)
    request = CollaborationRequestFactory(requester=cast.partner, status=S.UNDER_REVIEW)

    services.collaboration_request_accept(
        request=request,
        actor=cast.staff,
        outcome=services.AcceptOutcome.NEW_PILOT,
        project=existing,
    )

    request.refresh_from_db()
    assert request.accepted_project == existing


def test_it_refuses_a_join_without_a_role_and_stays_under_review(cast):
    request = CollaborationRequestFactory(requester=cast.partner, status=S.UNDER_REVIEW)

    with pytest.raises(services.CollaborationError, match="role"):
        services.collaboration_request_accept(
            request=request, actor=cast.staff, outcome=services.AcceptOutcome.JOIN_PROJECT
        )

    request.refresh_from_db()
    assert request.status == S.UNDER_REVIEW
    assert not ProjectPartner.objects.exists()


def test_it_lets_only_the_requester_withdraw_and_only_staff_decide(cast):
    request = CollaborationRequestFactory(requester=cast.partner, status=S.UNDER_REVIEW)

    with pytest.raises(services.NotAllowed):
        services.collaboration_request_withdraw(request=request, actor=cast.staff)
    with pytest.raises(services.NotAllowed):
        services.collaboration_request_accept(request=request, actor=cast.partner)
    with pytest.raises(services.NotAllowed):
        services.collaboration_request_decline(request=request, actor=cast.other_partner)

    assert CollaborationRequest.objects.get().status == S.UNDER_REVIEW


def test_it_assigns_open_requests_to_staff_only(cast):
    request = CollaborationRequestFactory(requester=cast.partner)

    services.collaboration_request_assign(request=request, actor=cast.staff, assignee=cast.staff)
    with pytest.raises(services.CollaborationError):
        services.collaboration_request_assign(
            request=request, actor=cast.staff, assignee=cast.partner
        )

    request.refresh_from_db()
    assert request.assigned_to == cast.staff
