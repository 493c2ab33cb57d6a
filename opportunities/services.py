"""Writes of the opportunities app: the opportunities themselves and the applications to them.

The one path for pages, API, admin and tasks. Opportunity services follow the other content
types (`data` holds plain field values, optionally `status`, which publishes or withdraws once
everything else is saved). The application workflow is a small state machine, as a collaboration
request's (`core.review_services.ReviewWorkflow`, one for both): every change goes through
`_transition`, which refuses a step the workflow does not allow with an `ApplicationError` the
pages show as a message, records who did it and tells the other side.
"""

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.content_services import content_save
from core.publication import publication_publish, publication_unpublish
from core.review_services import ReviewWorkflow, TransitionRefused
from core.uploads import clean_document

from .models import (
    OPEN_APPLICATION_STATUSES,
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    Opportunity,
    topics_outside_cluster,
)
from .notifications import application_changed_notify, reviewers_new_application_notify

S = ApplicationStatus
REVIEW_STEPS = (S.UNDER_REVIEW, S.ACCEPTED, S.DECLINED)
APPLICATION_DOCUMENT_EXTENSIONS = (".pdf", ".docx")


# --- Opportunities --------------------------------------------------------------------------


def _topics_check(opportunity: Opportunity, fields: Mapping) -> None:
    """An opportunity's topics are its cluster's: refuse others, whether the topics or the
    cluster change (a new cluster keeps only topics of its own)."""
    cluster = fields.get("cluster", opportunity.cluster if opportunity.cluster_id else None)
    if cluster is None:
        return  # the model's validation asks for the cluster
    if "topics" in fields:
        topics = list(fields["topics"])
    elif opportunity.pk and "cluster" in fields:
        topics = list(opportunity.topics.all())
    else:
        return
    error = topics_outside_cluster(cluster, topics)
    if error:
        raise ValidationError({"topics": [error]})


def opportunity_create(*, actor, data: Mapping) -> Opportunity:
    return opportunity_update(opportunity=Opportunity(), actor=actor, data=data)


def opportunity_update(*, opportunity: Opportunity, actor, data: Mapping) -> Opportunity:
    _topics_check(opportunity, data)
    return content_save(
        obj=opportunity,
        actor=actor,
        data=data,
        publish=opportunity_publish,
        unpublish=opportunity_unpublish,
    )


def opportunity_publish(*, obj: Opportunity, actor) -> Opportunity:
    return publication_publish(obj=obj, actor=actor)


def opportunity_unpublish(*, obj: Opportunity, actor) -> Opportunity:
    return publication_unpublish(obj=obj, actor=actor)


# --- Applications ---------------------------------------------------------------------------


class ApplicationError(Exception):
    """An application cannot do what was asked; the message is for the person who asked."""


class NotAllowed(ApplicationError):
    pass


class DeadlinePassed(ApplicationError):
    def __init__(self, opportunity: Opportunity):
        super().__init__(
            _("Applications to “%(title)s” closed on %(deadline)s; it no longer takes any.")
            % {
                "title": opportunity.title,
                "deadline": date_format(
                    timezone.localtime(opportunity.deadline), "DATETIME_FORMAT"
                ),
            }
        )


class AlreadyApplied(ApplicationError):
    """The person has an application to this opportunity already; `application` is it."""

    def __init__(self, application: Application):
        self.application = application
        super().__init__(
            _(
                "You have already applied to this opportunity (status: %(status)s). "
                "Follow your application on its page instead of applying again."
            )
            % {"status": application.get_status_display()}
        )


class IllegalTransition(TransitionRefused, ApplicationError):
    message = gettext_lazy("An application that is “%(current)s” cannot become “%(wanted)s”.")


WORKFLOW = ReviewWorkflow(S, refused=IllegalTransition, sender="applicant")
can_review = WORKFLOW.can_review
can_view = WORKFLOW.can_view


def application_document_clean(upload):
    """A PDF or DOCX file within the size limit, renamed; ValidationError says what to fix."""
    limit = settings.OPPORTUNITY_DOCUMENT_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if not upload.name.lower().endswith(APPLICATION_DOCUMENT_EXTENSIONS):
        raise ValidationError(_("Upload a PDF or a Word (.docx) document."), code="bad_extension")
    return clean_document(upload)


def _check_eligible(*, opportunity: Opportunity, city) -> None:
    if opportunity.admits_city(city):
        return
    if city is None:
        raise ApplicationError(
            _("This opportunity is open to some regions or countries only: name your city.")
        )
    raise ApplicationError(
        _("This opportunity is not open to cities of %(place)s.")
        % {"place": city.country.name or city.get_region_display()}
    )


@transaction.atomic
def application_submit(
    *,
    applicant,
    opportunity: Opportunity,
    motivation: str,
    city=None,
    organization=None,
    document=None,
) -> Application:
    """Record a person's application and tell the reviewers.

    Refused with a message when the person is not signed in, the opportunity is not published
    or its deadline has passed, the person's city is not eligible, or they applied already.
    """
    if not getattr(applicant, "is_authenticated", False):
        raise NotAllowed(_("Sign in to apply."))
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if not opportunity.is_published:
        raise NotAllowed(_("This opportunity is not open to applications."))
    if not opportunity.is_open:
        raise DeadlinePassed(opportunity)
    existing = Application.objects.filter(opportunity=opportunity, applicant=applicant).first()
    if existing is not None:
        raise AlreadyApplied(existing)
    _check_eligible(opportunity=opportunity, city=city)
    application = Application(
        opportunity=opportunity,
        applicant=applicant,
        city=city,
        organization=organization,
        motivation=motivation.strip(),
    )
    if document:
        application.document_name = document.name[:200]
        application.document = application_document_clean(document)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        # Two tabs sent the form at the same moment: the first one won.
        existing = Application.objects.get(opportunity=opportunity, applicant=applicant)
        raise AlreadyApplied(existing) from None
    ApplicationStatusChange.objects.create(
        application=application, from_status="", to_status=S.SUBMITTED, actor=applicant
    )
    reviewers_new_application_notify(application=application)
    return application


def application_change_refusal(*, application: Application) -> ApplicationError | None:
    """Why the applicant can no longer change `application`, or None while they can: the edit
    page says so before the form is filled in, the update refuses it after."""
    if application.status != S.SUBMITTED:
        return ApplicationError(_("An application under review or decided can no longer change."))
    if not application.opportunity.is_open:
        return DeadlinePassed(application.opportunity)
    return None


@transaction.atomic
def application_update(
    *, application: Application, actor, motivation: str, city=None, organization=None, document=None
) -> Application:
    """The applicant changes their application while it waits for review, before the deadline.

    `document` None keeps the file, a new upload replaces it. Unchanged values change nothing.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.applicant_id != actor.pk:
        raise NotAllowed(_("Only the applicant can change an application."))
    if (refusal := application_change_refusal(application=application)) is not None:
        raise refusal
    _check_eligible(opportunity=application.opportunity, city=city)
    changed = []
    values = {"motivation": motivation.strip(), "city": city, "organization": organization}
    for field, value in values.items():
        if getattr(application, field) != value:
            setattr(application, field, value)
            changed.append(field)
    if document:
        old = application.document.name
        application.document_name = document.name[:200]
        application.document = application_document_clean(document)
        changed += ["document", "document_name"]
        if old:
            transaction.on_commit(lambda: application.document.storage.delete(old))
    if changed:
        application.save(update_fields=[*changed, "updated_at"])
    return application


def _transition(*, application: Application, to_status: str, actor, note: str = ""):
    from_status = WORKFLOW.step(application, to_status)
    application.save(update_fields=["status", "decided_at", "updated_at"])
    ApplicationStatusChange.objects.create(
        application=application,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        note=note.strip(),
    )
    application_changed_notify(application=application, actor=actor, note=note.strip())
    return application


@transaction.atomic
def application_review(
    *, application: Application, actor, to_status: str, note: str = ""
) -> Application:
    """UN staff take an application up (under review), then accept or decline it."""
    if not can_review(actor):
        raise NotAllowed(_("Only UN staff can review applications."))
    if to_status not in REVIEW_STEPS:
        raise IllegalTransition(from_status=S(application.status), to_status=S(to_status))
    application = Application.objects.select_for_update().get(pk=application.pk)
    return _transition(application=application, to_status=to_status, actor=actor, note=note)


@transaction.atomic
def application_withdraw(*, application: Application, actor, note: str = "") -> Application:
    """The applicant withdraws an application that is not decided yet."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.applicant_id != getattr(actor, "pk", None):
        raise NotAllowed(_("Only the applicant can withdraw an application."))
    if application.status not in OPEN_APPLICATION_STATUSES:
        raise IllegalTransition(from_status=S(application.status), to_status=S.WITHDRAWN)
    return _transition(application=application, to_status=S.WITHDRAWN, actor=actor, note=note)
