"""Writes for collaboration requests: submission, the review workflow and the conversation.

Submission carries the anti-spam rules (rate limits, the form's honeypot and single-use start
token, the duplicate check), so the pages and the API obey them alike; each refusal is an
exception the caller turns into its own answer (a page with the text kept, or a JSON error).

The workflow is a small state machine, an application's too (`core.review_services`); every
change goes through `_transition`, which refuses a step the workflow does not allow with a
`CollaborationError` the pages show as a message, records who did it and tells the other side.
"""

import math
import os
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, Q, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.models import PublicationStatus
from core.review_services import ReviewWorkflow, TransitionRefused
from core.roles import PARTNER, user_has_role
from core.slugs import slug_from_text
from core.uploads import DOCUMENT_EXTENSIONS, clean_document, clean_image

from . import collaboration_guards as guards
from .models import (
    OPEN_COLLABORATION_STATUSES,
    CollaborationMessage,
    CollaborationRequest,
    CollaborationStatus,
    CollaborationStatusChange,
    Project,
    ProjectKind,
    ProjectPartner,
    ProjectPartnerRole,
    ProjectPhase,
)
from .notifications import collaboration_request_changed_notify, reviewers_new_request_notify

S = CollaborationStatus
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
# What a message may carry: the file field's hint and the refusal list these, so they agree.
ATTACHMENT_EXTENSIONS = DOCUMENT_EXTENSIONS | IMAGE_EXTENSIONS


def attachment_types() -> str:
    # Isolated as left-to-right text (LRI ... PDI): inside an Arabic sentence the list kept its
    # order, but its dots and brackets were laid out right to left (".xlsx" ... "(.doc").
    return "\u2066" + ", ".join(sorted(ATTACHMENT_EXTENSIONS)) + "\u2069"


class CollaborationError(Exception):
    """A request cannot do what was asked; the message is for the person who asked. `field`
    names the choice it is about, so a form shows it there ("" when it is about none)."""

    def __init__(self, message="", *, field: str = ""):
        super().__init__(message)
        self.field = field


class IllegalTransition(TransitionRefused, CollaborationError):
    message = gettext_lazy("A request that is “%(current)s” cannot become “%(wanted)s”.")


WORKFLOW = ReviewWorkflow(S, refused=IllegalTransition, sender="requester")
can_review = WORKFLOW.can_review
can_view = WORKFLOW.can_view


class DuplicateRequest(CollaborationError):
    """An open request of the same kind for the same target already exists.

    `own_request` is that request when the requester sent it themselves, and None when a
    colleague of the same organization did: its title, message, author and address are theirs.
    """

    def __init__(self, *, target, own_request: CollaborationRequest | None = None):
        self.own_request = own_request
        if own_request is not None:
            text = _(
                "Your organization already has an open request of this kind for %(target)s: "
                "the one you sent. Follow it up in its conversation instead of sending a new one."
            )
        else:
            text = _(
                "Your organization already has an open request of this kind for %(target)s. "
                "Ask your colleagues about it instead of sending a new one."
            )
        super().__init__(text % {"target": target})


class SubmissionRateLimited(CollaborationError):
    """Too many submissions from one account or address; `retry_after` is in seconds."""

    def __init__(self, *, retry_after: int):
        self.retry_after = retry_after
        minutes = max(1, math.ceil(retry_after / 60))
        super().__init__(
            ngettext(
                "You have sent several requests in a short time, so this one was not sent. "
                "Please wait %(minutes)d minute and send it again.",
                "You have sent several requests in a short time, so this one was not sent. "
                "Please wait %(minutes)d minutes and send it again.",
                minutes,
            )
            % {"minutes": minutes}
        )


class LooksAutomated(CollaborationError):
    """The form came back the way software sends it (honeypot filled, too fast, bad token)."""


class FormAlreadySent(CollaborationError):
    """The form's start token already sent a request (a double click, a resent page).

    `own_request` is the request it sent when that was the same person's, for a link.
    """

    def __init__(self, *, own_request: CollaborationRequest | None = None):
        self.own_request = own_request
        super().__init__(
            _(
                "This form was already sent once, so it was not sent again. To send another "
                "request, check it below and send it once more."
            )
        )


class NotAllowed(CollaborationError):
    pass


class AttachmentRefused(CollaborationError):
    """The file attached to a message is not one the portal accepts; the page shows why beside
    the file field."""


class AcceptOutcome:
    """What an acceptance leads to."""

    NOTHING_MORE = "none"
    JOIN_PROJECT = "join_project"
    NEW_PILOT = "new_pilot"

    choices = (
        (NOTHING_MORE, gettext_lazy("Accept (no change to any pilot)")),
        (JOIN_PROJECT, gettext_lazy("The organization joins the pilot as a partner")),
        (NEW_PILOT, gettext_lazy("It leads to a new pilot")),
    )


# --- Who may do what ------------------------------------------------------------------------


def has_verified_email(user) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


def is_partner_with_organization(user) -> bool:
    return user_has_role(user, PARTNER) and user.organization_id is not None


def can_submit(user) -> bool:
    """A partner speaks for their organization; anyone else makes first contact once verified."""
    if not user.is_authenticated:
        return False
    return is_partner_with_organization(user) or has_verified_email(user)


def _require_reviewer(user):
    if not can_review(user):
        raise NotAllowed(_("Only UN staff can review collaboration requests."))


# --- Submission -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FormEvidence:
    """What the HTML form sends besides the request: signs that a person filled it in.

    The API has no form, so it passes none; its clients are partners with a token.
    """

    honeypot: str = ""
    started_token: str = ""


def _open_duplicate_of(
    *, requester, organization=None, kind, project=None, cluster=None, city=None
) -> CollaborationRequest | None:
    """An open request of this kind for this target from the requester or their organization.

    The organization is the account's link to an Organization row; a first contact's typed
    organization name proves nothing, so it only ever matches the person's own requests.
    """
    sender = Q(requester=requester)
    if organization is not None:
        sender |= Q(organization=organization)
    same = CollaborationRequest.objects.filter(
        sender,
        kind=kind,
        status__in=OPEN_COLLABORATION_STATUSES,
        project=project,
        cluster=cluster,
        city=city,
    )
    # The person's own request first: it is the one they can open and follow up.
    return same.order_by(
        Case(When(requester=requester, then=0), default=1), "created_at", "pk"
    ).first()


def _check_form(form: FormEvidence, *, requester) -> None:
    """Refuse a form that a person is unlikely to have filled in, or that was sent already."""
    if form.honeypot.strip():
        raise LooksAutomated(
            _(
                "Your request was not sent: a field meant to stay empty was filled in (some "
                "browsers' autofill does that). Check your request below and send it again."
            )
        )
    shown_at = guards.started_at(form.started_token)
    if shown_at is None:
        raise LooksAutomated(
            _(
                "Your request was not sent because the form could not be checked. "
                "Your text is kept below: please send it again."
            )
        )
    elapsed = time.time() - shown_at
    if elapsed < getattr(settings, "COLLABORATION_MIN_FILL_SECONDS", 3):
        raise LooksAutomated(
            _(
                "Your request was not sent: it came in faster than a person can fill in the "
                "form, which is what automated spam does. Check your request below and send it "
                "again."
            )
        )
    if elapsed > guards.STARTED_MAX_AGE_SECONDS:
        raise LooksAutomated(
            _("This form was opened too long ago. Your text is kept below: send it again.")
        )
    if not guards.started_token_claim(form.started_token):
        sent_pk = guards.started_token_request_pk(form.started_token)
        own = CollaborationRequest.objects.filter(pk=sent_pk, requester=requester).first()
        raise FormAlreadySent(own_request=own)


def collaboration_request_submit(
    *,
    requester,
    kind: str,
    message: str,
    project=None,
    cluster=None,
    city=None,
    contact_preferences: str = "",
    organization_name: str = "",
    from_city=None,
    topic=None,
    client_ip: str | None = None,
    form: FormEvidence | None = None,
) -> CollaborationRequest:
    """Record a request for one pilot, cluster or city and tell the reviewers.

    A partner's request is made for their organization; a first contact types its name. The
    checks run in this order, each with its own exception: may this person submit at all
    (NotAllowed); the rate limits per account and, when `client_ip` is given, per address
    (SubmissionRateLimited, counted on every attempt); the form's honeypot and single-use start
    token when the caller has a form (LooksAutomated, FormAlreadySent); an open request of the
    same kind for the same target from the same person or organization (DuplicateRequest).
    Only an accepted submission is recorded and tells the reviewers. `from_city` and `topic`
    say which city the request is made for and what about, when it grew out of a match.
    """
    if not can_submit(requester):
        raise NotAllowed(
            _("Confirm your email address (or be linked to a partner organization) first.")
        )
    wait = guards.submission_wait_seconds(user_pk=requester.pk, client_ip=client_ip)
    if wait is not None:
        raise SubmissionRateLimited(retry_after=wait)
    if form is not None:
        _check_form(form, requester=requester)
    try:
        request = _record_submission(
            requester=requester,
            organization_name=organization_name,
            target={"project": project, "cluster": cluster, "city": city},
            fields={
                "kind": kind,
                "message": message,
                "contact_preferences": contact_preferences,
                "from_city": from_city,
                "topic": topic,
            },
        )
    except BaseException:
        if form is not None:
            guards.started_token_release(form.started_token)
        raise
    if form is not None:
        guards.started_token_spent(form.started_token, request_pk=request.pk)
    return request


@transaction.atomic
def _record_submission(
    *, requester, organization_name: str, target: dict, fields: dict
) -> CollaborationRequest:
    """Record a request for `target` ({"project", "cluster", "city"}, one of them set) with
    `fields` (kind, message and the rest), unless its sender has one like it open."""
    organization = requester.organization if is_partner_with_organization(requester) else None
    organization_name = "" if organization else " ".join(organization_name.split())
    # Two submissions racing (a double click, two tabs) queue on the requester's row, so the
    # duplicate check below sees the first one's insert.
    get_user_model().objects.select_for_update().filter(pk=requester.pk).first()
    existing = _open_duplicate_of(
        requester=requester, organization=organization, kind=fields["kind"], **target
    )
    if existing is not None:
        own = existing if existing.requester_id == requester.pk else None
        raise DuplicateRequest(target=existing.target, own_request=own)
    request = CollaborationRequest(
        requester=requester,
        organization=organization,
        organization_name=organization_name,
        **target,
        **fields,
    )
    try:
        request.full_clean()
    except ValidationError as error:
        raise CollaborationError(" ".join(error.messages)) from error
    request.save()
    CollaborationStatusChange.objects.create(
        request=request, from_status="", to_status=S.SUBMITTED, actor=requester
    )
    reviewers_new_request_notify(request=request)
    return request


# --- The workflow ---------------------------------------------------------------------------


def _locked(request: CollaborationRequest) -> CollaborationRequest:
    return CollaborationRequest.objects.select_for_update().get(pk=request.pk)


def _transition(
    *, request: CollaborationRequest, to_status: str, actor, note: str = "", **changes
) -> CollaborationRequest:
    """Move a locked request to `to_status` if the workflow allows it, record and tell."""
    from_status = WORKFLOW.step(request, to_status, **changes)
    request.save()
    CollaborationStatusChange.objects.create(
        request=request, from_status=from_status, to_status=to_status, actor=actor, note=note
    )
    collaboration_request_changed_notify(request=request, change=to_status, actor=actor)
    return request


@transaction.atomic
def collaboration_request_start_review(
    *, request: CollaborationRequest, actor, note: str = ""
) -> CollaborationRequest:
    """Staff take the request up; whoever starts the review handles it unless someone does."""
    _require_reviewer(actor)
    request = _locked(request)
    changes = {} if request.assigned_to_id else {"assigned_to": actor}
    return _transition(request=request, to_status=S.UNDER_REVIEW, actor=actor, note=note, **changes)


def _unique_project_slug(title: str) -> str:
    base = slug_from_text(title)[:100].strip("-") or "pilot"
    slug, counter = base, 2
    while Project.objects.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


def _new_draft_pilot(*, title: str, request: CollaborationRequest) -> Project:
    title = " ".join(title.split())
    if not title:
        raise CollaborationError(
            _("Give the new pilot a title, or choose an existing pilot."),
            field="new_pilot_title",
        )
    pilot = Project.objects.create(
        kind=ProjectKind.PILOT,
        title=title,
        slug=_unique_project_slug(title),
        phase=ProjectPhase.PLANNED,
        status=PublicationStatus.DRAFT,
        summary=_("Proposed through a collaboration request."),
    )
    cluster = request.cluster or None
    if cluster is not None:
        pilot.clusters.add(cluster)
    elif request.project_id:
        pilot.clusters.set(request.project.clusters.all())
    return pilot


@transaction.atomic
def collaboration_request_accept(
    *,
    request: CollaborationRequest,
    actor,
    note: str = "",
    outcome: str = AcceptOutcome.NOTHING_MORE,
    project: Project | None = None,
    partner_role: str = "",
    new_pilot_title: str = "",
) -> CollaborationRequest:
    """Accept; the organization may join a pilot as a partner, or the request may start a pilot.

    JOIN_PROJECT adds a ProjectPartner row for the requester's organization with `partner_role`
    (in `project`, or the request's own pilot). NEW_PILOT links `project` (an existing, usually
    draft, project) or creates a draft pilot titled `new_pilot_title` for editors to complete.
    """
    _require_reviewer(actor)
    request = _locked(request)
    WORKFLOW.check(request, S.ACCEPTED)
    changes = {}
    if outcome == AcceptOutcome.JOIN_PROJECT:
        project = project or request.project
        if project is None:
            raise CollaborationError(_("Choose the pilot the organization joins."), field="project")
        if partner_role not in ProjectPartnerRole.values:
            raise CollaborationError(
                _("Choose the role the organization takes in the pilot."), field="partner_role"
            )
        if request.organization_id is None:
            raise CollaborationError(
                _(
                    "The requester is not linked to an organization yet; grant them the partner "
                    "role for their organization before adding it to a pilot."
                )
            )
        ProjectPartner.objects.get_or_create(
            project=project, organization_id=request.organization_id, role=partner_role
        )
        changes = {"accepted_project": project, "accepted_role": partner_role}
    elif outcome == AcceptOutcome.NEW_PILOT:
        pilot = project or _new_draft_pilot(title=new_pilot_title, request=request)
        changes = {"accepted_project": pilot}
    elif outcome != AcceptOutcome.NOTHING_MORE:
        raise CollaborationError(_("Choose what the acceptance leads to."), field="outcome")
    return _transition(request=request, to_status=S.ACCEPTED, actor=actor, note=note, **changes)


@transaction.atomic
def collaboration_request_decline(
    *, request: CollaborationRequest, actor, note: str = ""
) -> CollaborationRequest:
    _require_reviewer(actor)
    return _transition(request=_locked(request), to_status=S.DECLINED, actor=actor, note=note)


@transaction.atomic
def collaboration_request_withdraw(
    *, request: CollaborationRequest, actor, note: str = ""
) -> CollaborationRequest:
    """The requester takes the request back, which is only possible before a decision."""
    if actor.pk != request.requester_id:
        raise NotAllowed(_("Only the person who sent a request can withdraw it."))
    return _transition(request=_locked(request), to_status=S.WITHDRAWN, actor=actor, note=note)


@transaction.atomic
def collaboration_request_assign(
    *, request: CollaborationRequest, actor, assignee
) -> CollaborationRequest:
    """Hand an open request to a staff member (or to nobody, with `assignee=None`)."""
    _require_reviewer(actor)
    request = _locked(request)
    if not request.is_open:
        raise CollaborationError(_("A decided or withdrawn request is no longer assigned."))
    if assignee is not None and not can_review(assignee):
        raise CollaborationError(_("Only UN staff can handle collaboration requests."))
    request.assigned_to = assignee
    request.save(update_fields=["assigned_to", "updated_at"])
    return request


# --- The conversation -----------------------------------------------------------------------


def clean_attachment(upload):
    """The portal's upload checks: PDF, Office documents or images, size-limited, renamed."""
    # The extension is read before the name is cut to its 200 characters, which would drop it.
    extension = os.path.splitext(os.path.basename(upload.name or ""))[1].lower()
    original = os.path.basename(upload.name or "")[:200]
    if extension not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            _("Attach a PDF, an Office document or an image (%(types)s)."),
            params={"types": attachment_types()},
            code="bad_extension",
        )
    clean = clean_image if extension in IMAGE_EXTENSIONS else clean_document
    return clean(upload), original


@transaction.atomic
def collaboration_request_post_message(
    *, request: CollaborationRequest, author, body: str = "", attachment=None
) -> CollaborationMessage:
    """Add a message (Markdown, and optionally a checked file) and tell the other side."""
    if not can_view(author, request):
        raise NotAllowed(_("Only the requester and UN staff take part in this conversation."))
    body = body.strip()
    if not body and attachment is None:
        raise CollaborationError(_("Write a message or attach a file."))
    message = CollaborationMessage(request=request, author=author, body=body)
    if attachment is not None:
        try:
            cleaned, original = clean_attachment(attachment)
        except ValidationError as error:
            raise AttachmentRefused(" ".join(error.messages)) from error
        message.attachment = cleaned
        message.attachment_name = original
    try:
        message.save()
    except IntegrityError as error:  # pragma: no cover - the checks above keep the row valid
        raise CollaborationError(_("The message could not be saved.")) from error
    # The fan-out keys on updated_at; touching it also lets the queue sort by activity.
    request.save(update_fields=["updated_at"])
    collaboration_request_changed_notify(
        request=request, change="message", actor=author, message_id=message.pk
    )
    return message
