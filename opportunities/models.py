"""Opportunities: fellowships, calls for proposals and expert exchanges, and applications to them.

An opportunity is publishable content (core.publication) with a deadline; it is open until the
deadline passes. An application is a person's request to take part, with a status workflow like
a collaboration request's (submitted → under review → accepted / declined / withdrawn).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cities.models import Region
from core.content_language import listed
from core.models import (
    OPEN_REQUEST_STATUSES,
    PublishableModel,
    PublishableQuerySet,
    RequestStatus,
    ReviewedRequestModel,
    TitledPageModel,
    private_file,
    published_needs_date_constraint,
    status_change_model,
)
from core.relations import optional_relation, person_relation
from core.validators import plausible_date


class OpportunityKind(models.TextChoices):
    FELLOWSHIP = "fellowship", _("Fellowship")
    CALL_FOR_PROPOSALS = "call_for_proposals", _("Call for proposals")
    EXPERT_EXCHANGE = "expert_exchange", _("Expert exchange")


class OpportunityQuerySet(PublishableQuerySet):
    def open(self, *, now=None):
        """Still taking applications: the deadline has not passed."""
        return self.filter(deadline__gt=now or timezone.now())

    def closed(self, *, now=None):
        return self.filter(deadline__lte=now or timezone.now())

    def for_region(self, region: str):
        """Open to cities of `region`: it is listed, or no region limits the opportunity.

        The regions are a JSON list of codes; a code in quotes matches only itself, on SQLite and
        PostgreSQL alike (neither code is part of another).
        """
        return self.filter(
            models.Q(eligible_regions=[]) | models.Q(eligible_regions__icontains=f'"{region}"')
        )


def topics_outside_cluster(cluster, topics) -> str:
    """Why `topics` do not fit an opportunity of `cluster` ("" when they all do): an opportunity
    takes the topics of its own cluster only."""
    outside = [topic for topic in topics if topic.cluster_id != cluster.pk]
    if not outside:
        return ""
    # Worded when shown: the editor's form is checked under the item's original language
    # (core.content_editor), the page that shows the error is in the reader's.
    return _topics_outside_text(outside, cluster)


def _topics_outside_words(outside, cluster) -> str:
    return gettext(
        "%(topics)s: not a topic of the %(cluster)s cluster. Choose topics of the "
        "opportunity's cluster."
    ) % {"topics": listed(topic.name for topic in outside), "cluster": cluster.name}


_topics_outside_text = lazy(_topics_outside_words, str)


class Opportunity(TitledPageModel, PublishableModel):
    """A fellowship, call for proposals or expert exchange that people apply to by a deadline."""

    detail_url_name = "opportunities:detail"

    kind = models.CharField(_("kind"), max_length=20, choices=OpportunityKind.choices)
    # Shorter than other content's summary: the column was made so (TitledPageModel's is 400).
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    host_organization = optional_relation(
        "accounts.Organization",
        verbose_name=_("host organization"),
        related_name="hosted_opportunities",
        on_delete=models.PROTECT,
    )
    host_city = optional_relation(
        "cities.City",
        verbose_name=_("host city"),
        related_name="hosted_opportunities",
        on_delete=models.PROTECT,
    )
    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    # The clusters' controlled vocabulary, limited to the topics of the opportunity's cluster
    # (checked by the services, so pages, API and admin refuse the same), matched exactly by
    # matchmaking to what cities need.
    topics = models.ManyToManyField(
        "clusters.Topic",
        verbose_name=_("topics"),
        related_name="opportunities",
        blank=True,
        help_text=_(
            "Topics of the opportunity's cluster: cities that need them are told about it."
        ),
    )
    eligible_regions = models.JSONField(
        _("eligible regions"),
        default=list,
        blank=True,
        help_text=_("Leave empty when cities of every region may apply."),
    )
    eligible_countries = CountryField(
        _("eligible countries"),
        multiple=True,
        blank=True,
        help_text=_("Leave empty when cities of every country (in the regions above) may apply."),
    )
    deadline = models.DateTimeField(_("application deadline"), validators=[plausible_date])
    places = models.PositiveIntegerField(
        _("seats or grants"),
        null=True,
        blank=True,
        help_text=_("How many people or proposals will be selected; leave empty if not fixed."),
    )
    how_to_apply = models.TextField(_("how to apply (Markdown)"), blank=True)
    history = HistoricalRecords()

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        constraints = [
            published_needs_date_constraint("opportunities_opportunity_published_has_date"),
            models.CheckConstraint(
                condition=models.Q(host_organization__isnull=False)
                | models.Q(host_city__isnull=False),
                name="opportunities_opportunity_has_host",
                violation_error_message=_("Name a host organization, a host city or both."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["cluster", "status", "deadline"]),
        ]

    def clean(self):
        super().clean()
        regions = self.eligible_regions
        if not isinstance(regions, list) or any(code not in Region.values for code in regions):
            raise ValidationError(
                {"eligible_regions": _("Choose regions from the list of UN regions.")}
            )
        # One order (the regions' own), so an unchanged form saves the same list.
        self.eligible_regions = [code for code in Region.values if code in regions]

    @property
    def is_open(self) -> bool:
        return self.deadline > timezone.now()

    @property
    def eligible_region_labels(self) -> list[str]:
        return [str(Region(code).label) for code in self.eligible_regions if code in Region.values]

    @property
    def is_restricted(self) -> bool:
        """Whether only cities of some regions or countries may apply."""
        return bool(self.eligible_regions or self.eligible_countries)

    @property
    def eligible_place_names(self) -> list[str]:
        """The regions, then the countries, whose cities may apply, in the reader's language."""
        return [*self.eligible_region_labels, *(c.name for c in self.eligible_countries)]

    def admitted_cities(self) -> models.Q:
        """The cities `admits_city` admits, as a filter on City."""
        admitted = models.Q()
        if self.eligible_regions:
            admitted &= models.Q(region__in=self.eligible_regions)
        if self.eligible_countries:
            admitted &= models.Q(country__in=[c.code for c in self.eligible_countries])
        return admitted

    def admits_city(self, city) -> bool:
        """Whether a person from `city` (None: no city named) may apply."""
        if not self.eligible_regions and not self.eligible_countries:
            return True
        if city is None:
            return False
        if self.eligible_regions and city.region not in self.eligible_regions:
            return False
        codes = {country.code for country in self.eligible_countries}
        return not codes or city.country.code in codes


# An application goes through the workflow of every request staff review (core.models).
ApplicationStatus = RequestStatus
OPEN_APPLICATION_STATUSES = OPEN_REQUEST_STATUSES


def application_document_path(instance, filename):
    # The name was generated by the upload checks; the opportunity keeps its applications together.
    return f"opportunities/{instance.opportunity_id}/{filename}"


class Application(ReviewedRequestModel):
    """One person's application to an opportunity; one per person and opportunity."""

    opportunity = models.ForeignKey(
        Opportunity,
        verbose_name=_("opportunity"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    applicant = person_relation(
        related_name="opportunity_applications", verbose_name=_("applicant")
    )
    city = optional_relation(
        "cities.City", verbose_name=_("your city"), related_name="opportunity_applications"
    )
    organization = optional_relation(
        "accounts.Organization",
        verbose_name=_("your organization"),
        related_name="opportunity_applications",
    )
    motivation = models.TextField(_("motivation"))
    document = private_file(_("supporting document"), upload_to=application_document_path)
    # The name the applicant's file had, shown to readers; the stored name is generated.
    document_name = models.CharField(_("document name"), max_length=200, blank=True)

    class Meta(ReviewedRequestModel.Meta):
        ordering = ["-created_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "applicant"],
                name="opportunities_application_one_per_person",
                violation_error_message=_("You have already applied to this opportunity."),
            ),
        ]
        indexes = ReviewedRequestModel.requester_indexes("applicant")

    def __str__(self):
        return f"{self.applicant} → {self.opportunity} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("opportunities:application", kwargs={"pk": self.pk})


class ApplicationStatusChange(
    status_change_model(
        Application,
        "application",
        actor_related_name="opportunity_application_changes",
        verbose_name=_("application status change"),
        verbose_name_plural=_("application status changes"),
    )
):
    """One step of an application's history: who moved it to which status, and why."""


class DeadlineReminder(models.Model):
    """That the followers of an opportunity's cluster were reminded of its deadline at one stage.

    The row makes the reminder task idempotent: a stage is sent once per deadline, however often
    the task runs; a moved deadline is a new deadline and is reminded again.
    """

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="deadline_reminders"
    )
    days_before = models.PositiveSmallIntegerField()
    deadline = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "days_before", "deadline"],
                name="opportunities_reminder_once",
            )
        ]

    def __str__(self):
        return f"{self.opportunity_id}: {self.days_before} days before {self.deadline:%Y-%m-%d}"
