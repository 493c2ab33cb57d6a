"""The review workflow that collaboration requests and applications to opportunities follow.

Sent (submitted), taken up by UN staff (under review), then accepted or declined; the sender may
withdraw it until it is decided. Each app keeps its own status choices, refusal message, history
rows and notifications; which step may follow which, and what a step sets, is said once here.
"""

from django.utils import timezone

from core.roles import is_editor


class TransitionRefused(Exception):
    """A step a review workflow does not allow, in a message for the person who asked.

    Each app's subclass (also a subclass of the app's own error, which its pages catch) gives its
    sentence as `message`, where `current` and `wanted` stand for the two statuses' labels. The
    statuses come as members of the app's status choices.
    """

    message = ""

    def __init__(self, *, from_status, to_status):
        self.from_status, self.to_status = from_status, to_status
        super().__init__(self.message % {"current": from_status.label, "wanted": to_status.label})


class ReviewWorkflow:
    """The steps of one app's review, over its status choices (`statuses`, a TextChoices with
    SUBMITTED, UNDER_REVIEW, ACCEPTED, DECLINED and WITHDRAWN).

    `refused` (a TransitionRefused) is the exception a step the workflow does not allow raises.
    `sender` names the item's foreign key to the person who sent it ("requester", "applicant").
    """

    def __init__(self, statuses, *, refused, sender: str):
        S = self.statuses = statuses
        self.transitions: dict[str, frozenset[str]] = {
            S.SUBMITTED: frozenset({S.UNDER_REVIEW, S.WITHDRAWN}),
            S.UNDER_REVIEW: frozenset({S.ACCEPTED, S.DECLINED, S.WITHDRAWN}),
            S.ACCEPTED: frozenset(),
            S.DECLINED: frozenset(),
            S.WITHDRAWN: frozenset(),
        }
        self.decisions = (S.ACCEPTED, S.DECLINED)
        self.refused = refused
        self.sender = sender

    def can_review(self, user) -> bool:
        """UN staff review."""
        return is_editor(user)

    def can_view(self, user, obj) -> bool:
        """The sender and the reviewers see an item; nobody else learns it exists."""
        if not user.is_authenticated:
            return False
        return getattr(obj, f"{self.sender}_id") == user.pk or self.can_review(user)

    def check(self, obj, to_status: str) -> None:
        """Refuse unless `obj` may move to `to_status` now."""
        if to_status not in self.transitions[obj.status]:
            raise self.refused(
                from_status=self.statuses(obj.status), to_status=self.statuses(to_status)
            )

    def step(self, obj, to_status: str, **changes) -> str:
        """Move `obj` (locked by the caller) to `to_status`, dating a decision, and set `changes`.

        Returns the status it left; the caller saves, records the step and tells the other side.
        """
        self.check(obj, to_status)
        from_status = obj.status
        obj.status = to_status
        if to_status in self.decisions:
            obj.decided_at = timezone.now()
        for field, value in changes.items():
            setattr(obj, field, value)
        return from_status
