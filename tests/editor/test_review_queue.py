"""A city official proposes a practice; an editor publishes it or returns it with a comment."""

from django.urls import reverse

from core.models import PublicationStatus
from notifications.models import Notification
from resources.models import Resource, ReviewState

PROPOSAL = {"kind": "good_practice", "title": "Tripoli flood drills", "language": "en"}


def _propose(client):
    response = client.post(reverse("resources:propose"), {**PROPOSAL, "body": "We drill."})
    assert response.status_code == 302
    return Resource.objects.get(title=PROPOSAL["title"])


def test_it_queues_a_proposal_for_the_officials_city_without_publishing_it(client_for, tripoli):
    proposal = _propose(client_for("official_here"))

    assert proposal.status == PublicationStatus.DRAFT
    assert proposal.review_state == ReviewState.PROPOSED
    assert list(proposal.cities.all()) == [tripoli]
    assert proposal.proposed_by.email == "official@example.org"
    queue = client_for("editor").get(reverse("resources:review")).content.decode()
    assert "Tripoli flood drills" in queue
    assert client_for("anonymous").get(proposal.get_absolute_url()).status_code == 404


def test_it_publishes_a_proposal_from_the_queue_and_tells_followers_once(client_for, notified):
    proposal = _propose(client_for("official_here"))

    client_for("editor").post(reverse("resources:review-publish", kwargs={"pk": proposal.pk}))

    proposal.refresh_from_db()
    assert proposal.status == PublicationStatus.PUBLISHED
    assert proposal.review_state == ReviewState.NONE
    assert notified == [proposal]
    assert client_for("anonymous").get(proposal.get_absolute_url()).status_code == 200
    assert (
        "Tripoli flood drills"
        not in client_for("editor").get(reverse("resources:review")).content.decode()
    )


def test_it_returns_a_proposal_with_a_comment_the_proposer_sees_and_can_resubmit(client_for):
    official = client_for("official_here")
    proposal = _propose(official)

    client_for("editor").post(
        reverse("resources:review-return", kwargs={"pk": proposal.pk}),
        {"comment": "Please add the number of people reached."},
    )
    proposal.refresh_from_db()
    official = client_for("official_here")
    mine = official.get(reverse("resources:my-proposals")).content.decode()
    form = official.get(reverse("resources:edit", kwargs={"slug": proposal.slug})).content.decode()
    note = Notification.objects.get(recipient__email="official@example.org")
    official.post(
        reverse("resources:edit", kwargs={"slug": proposal.slug}),
        {**PROPOSAL, "body": "We drill; 20,000 people took part."},
    )
    resubmitted = Resource.objects.get(pk=proposal.pk)

    assert proposal.review_state == ReviewState.RETURNED
    assert "Please add the number of people reached." in mine
    assert "Please add the number of people reached." in form
    assert note.body == "Please add the number of people reached."
    assert note.url == reverse("resources:edit", kwargs={"slug": proposal.slug})
    assert resubmitted.review_state == ReviewState.PROPOSED
    assert resubmitted.status == PublicationStatus.DRAFT
    assert "20,000" in resubmitted.body


def test_it_refuses_to_return_without_a_comment(client_for):
    proposal = _propose(client_for("official_here"))

    client_for("editor").post(
        reverse("resources:review-return", kwargs={"pk": proposal.pk}), {"comment": ""}
    )

    proposal.refresh_from_db()
    assert proposal.review_state == ReviewState.PROPOSED


def test_it_takes_a_published_proposal_away_from_its_proposer(client_for):
    proposal = _propose(client_for("official_here"))
    client_for("editor").post(reverse("resources:review-publish", kwargs={"pk": proposal.pk}))

    response = client_for("official_here").get(
        reverse("resources:edit", kwargs={"slug": proposal.slug})
    )

    assert response.status_code == 403
