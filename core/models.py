"""Abstract building blocks shared by the domain apps."""

import functools
import operator

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.choice_labels import ChoiceLabelsModel
from core.content_language import TranslatedQuerySet
from core.media_storage import private_storage
from core.routes import slug_url


class TimeStampedModel(ChoiceLabelsModel):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(TranslatedQuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED, published_at__lte=timezone.now())

    def drafts(self):
        return self.filter(status=PublicationStatus.DRAFT)

    def public(self):
        """What the public may see of this type (the protocol of core.visibility)."""
        return self.published()


class PublishableModel(TimeStampedModel):
    """Content that editors draft, preview and then publish.

    The database refuses a published row without a publication time, so "published" always
    means "visible since a known moment" (feeds and digests sort on it).
    """

    status = models.CharField(
        _("publication status"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Loaded by load_demo; safe to delete.")
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return (
            self.status == PublicationStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_public(self) -> bool:
        """Whether the public may see this row (the protocol of core.visibility)."""
        return self.is_published


class SlugPageModel(models.Model):
    """A row with a public page of its own, addressed by its slug.

    `detail_url_name` names the page's URL ("events:detail"), which takes the slug.
    """

    detail_url_name = ""

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return slug_url(self.detail_url_name, self.slug)


class TitledPageModel(SlugPageModel):
    """Content known by its title, with an address and a one-line summary (pilots, events,
    training series, opportunities, the library)."""

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.CharField(_("summary"), max_length=400, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title


class RequestStatus(models.TextChoices):
    """Where a request that UN staff review stands (a collaboration request, an application)."""

    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_REQUEST_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.UNDER_REVIEW)


class ReviewedRequestModel(TimeStampedModel):
    """Something a person asks for and UN staff decide on: submitted, under review, then
    accepted, declined or withdrawn."""

    status = models.CharField(
        _("status"),
        max_length=15,
        choices=RequestStatus.choices,
        default=RequestStatus.SUBMITTED,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        abstract = True
        # The review queue: by status, newest first. Subclasses add theirs to this list.
        indexes = [models.Index(fields=["status", "-created_at"])]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES

    @classmethod
    def requester_indexes(cls, requester_field: str) -> list[models.Index]:
        """A request type's indexes: the review queue, and the requester's own requests newest
        first (`requester_field` names the person: "my applications", "my requests")."""
        return [*cls.Meta.indexes, models.Index(fields=[requester_field, "-created_at"])]


def status_change_model(
    request_model, request_field: str, *, actor_related_name: str, verbose_name, verbose_name_plural
):
    """The abstract model of one step of a reviewed request's history: who moved the request
    (`request_field`, a ReviewedRequestModel) from which status to which, and why.

    A function rather than a base class: the relations' names differ from type to type, and a
    field inherited from an abstract model cannot take its arguments from the subclass.
    """

    # The concrete history declares no Meta of its own and takes this one: steps in the order
    # they happened, and the type's names (set below: in the class body, `verbose_name =
    # verbose_name` would not see the argument).
    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    Meta.verbose_name = verbose_name
    Meta.verbose_name_plural = verbose_name_plural

    def __str__(self):
        request_id = getattr(self, f"{request_field}_id")
        return f"{request_id}: {self.from_status or '-'} → {self.to_status}"

    fields = {
        request_field: models.ForeignKey(
            request_model, on_delete=models.CASCADE, related_name="status_changes"
        ),
        # Empty for the submission itself, which has no status before it.
        "from_status": models.CharField(
            _("from"), max_length=15, choices=RequestStatus.choices, blank=True
        ),
        "to_status": models.CharField(_("to"), max_length=15, choices=RequestStatus.choices),
        "actor": models.ForeignKey(
            settings.AUTH_USER_MODEL,
            on_delete=models.SET_NULL,
            null=True,
            related_name=actor_related_name,
        ),
        "note": models.TextField(_("note"), blank=True),
        "created_at": models.DateTimeField(_("changed at"), auto_now_add=True),
    }
    return type(
        f"{request_model.__name__}StatusChangeBase",
        (models.Model,),
        {"__module__": __name__, "Meta": Meta, "__str__": __str__, **fields},
    )


def exactly_one_constraint(fields, *, name: str, violation_error_message) -> models.CheckConstraint:
    """A row names exactly one of `fields` (nullable relations) and leaves the others empty."""
    condition = functools.reduce(
        operator.or_,
        (
            models.Q(**{f"{field}__isnull": field != chosen for field in fields})
            for chosen in fields
        ),
    )
    return models.CheckConstraint(
        condition=condition, name=name, violation_error_message=violation_error_message
    )


def published_needs_date_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=~models.Q(status=PublicationStatus.PUBLISHED)
        | models.Q(published_at__isnull=False),
        name=name,
        violation_error_message=_("A published item needs a publication date."),
    )


def private_file(verbose_name, *, upload_to) -> models.FileField:
    """An optional file only the people concerned may read (an application's document, a message's
    attachment): kept in the private storage, with no public address; the view that serves it
    checks who asks (core/media_storage.py). Its name is generated by the upload checks."""
    return models.FileField(
        verbose_name, upload_to=upload_to, storage=private_storage, blank=True, max_length=200
    )
