from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from core.choice_labels import ChoiceLabelsModel
from core.content_language import OriginalLanguageModel
from core.models import (
    OPEN_REQUEST_STATUSES,
    PublishableModel,
    PublishableQuerySet,
    RequestStatus,
    ReviewedRequestModel,
    TitledPageModel,
    exactly_one_constraint,
    private_file,
    published_needs_date_constraint,
    status_change_model,
)
from core.relations import optional_relation, person_relation, target_relation
from core.validators import plausible_date


class ProjectKind(models.TextChoices):
    PROGRAMME = "programme", _("Programme")
    PILOT = "pilot", _("Pilot")


class ProjectPhase(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


class ProjectQuerySet(PublishableQuerySet):
    def pilots(self):
        return self.filter(kind=ProjectKind.PILOT)

    def programmes(self):
        return self.filter(kind=ProjectKind.PROGRAMME)

    def active(self):
        return self.filter(phase=ProjectPhase.ACTIVE)


class Project(OriginalLanguageModel, TitledPageModel, PublishableModel):
    """A programme (such as the Cities Project) or a city-to-city pilot that runs under one.

    `phase` is where the work stands (planned, active, completed); `status` is whether the page
    is a draft or published.
    """

    detail_url_name = "projects:detail"

    kind = models.CharField(
        _("kind"), max_length=10, choices=ProjectKind.choices, default=ProjectKind.PILOT
    )
    parent = optional_relation(
        "self",
        verbose_name=_("programme"),
        related_name="pilots",
        on_delete=models.PROTECT,
        limit_choices_to={"kind": ProjectKind.PROGRAMME},
    )
    body = models.TextField(_("description (Markdown)"), blank=True)
    phase = models.CharField(
        _("phase"), max_length=10, choices=ProjectPhase.choices, default=ProjectPhase.PLANNED
    )
    start_date = models.DateField(
        _("start (launch) date"), null=True, blank=True, validators=[plausible_date]
    )
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[plausible_date])
    clusters = models.ManyToManyField("clusters.Cluster", related_name="projects", blank=True)
    topics = models.ManyToManyField(
        "clusters.Topic",
        verbose_name=_("topics"),
        related_name="projects",
        blank=True,
        help_text=_("What the pilot works on: cities that need these topics are told about it."),
    )
    cities = models.ManyToManyField(
        "cities.City", through="ProjectCity", related_name="projects", blank=True
    )
    partners = models.ManyToManyField(
        "accounts.Organization", through="ProjectPartner", related_name="projects", blank=True
    )
    tags = TaggableManager(blank=True)

    objects = ProjectQuerySet.as_manager()
    # `history`: registered in translation.py, so it records every language's column.

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            published_needs_date_constraint("projects_project_published_has_date"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="projects_project_end_after_start",
                violation_error_message=_("A project cannot end before it starts."),
            ),
            models.CheckConstraint(
                # Only pilots sit under a programme; programmes are the top level.
                condition=models.Q(parent__isnull=True) | models.Q(kind=ProjectKind.PILOT),
                name="projects_project_only_pilots_have_parent",
                violation_error_message=_("Only a pilot can belong to a programme."),
            ),
        ]
        indexes = [
            # With the id and publication date beside them, counting active pilots per cluster
            # (home page) and the published projects of the pilots page reads the index alone:
            # the project rows, a kilobyte and more in six languages, stay on disk.
            models.Index(
                fields=["status", "kind", "phase"],
                include=["id", "published_at"],
                name="projects_published_by_kind",
            ),
            models.Index(fields=["-start_date"]),
            # The pilots page's order (programmes first, then the latest start): the first page
            # is read from here, the titles of equal starts sorted on the way, instead of every
            # project being read and sorted (80 MB at scale).
            models.Index(fields=["kind", "-start_date"], name="projects_list_order"),
            # Newest first (home page, feeds): read from here rather than sorting every pilot.
            models.Index(fields=["-published_at", "-id"]),
        ]

    @property
    def has_started(self) -> bool:
        """Whether the start date has come (today counts), so pages say "Launched", not "Launches"."""
        return self.start_date is not None and self.start_date <= timezone.localdate()


class ProjectCityRole(models.TextChoices):
    LEARNING = "learning", _("Learning city")
    SHARING = "sharing", _("Sharing city")
    HOST = "host", _("Host city")


class ProjectCity(ChoiceLabelsModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="city_links")
    city = models.ForeignKey("cities.City", on_delete=models.CASCADE, related_name="project_links")
    role = models.CharField(_("role"), max_length=10, choices=ProjectCityRole.choices)

    class Meta:
        ordering = ["role", "city__name"]
        verbose_name = _("project city")
        verbose_name_plural = _("project cities")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "city"], name="projects_projectcity_project_city_unique"
            ),
        ]

    def __str__(self):
        return f"{self.city.name}: {self.get_role_display()} in {self.project}"


class ProjectPartnerRole(models.TextChoices):
    IMPLEMENTING = "implementing", _("Implementing partner")
    SUPPORTING = "supporting", _("Supporting partner")
    TECHNICAL = "technical", _("Technical expertise")
    FUNDING = "funding", _("Funding partner")
    COORDINATING = "coordinating", _("Coordinating partner")


class ProjectPartner(ChoiceLabelsModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partner_links")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="project_links"
    )
    role = models.CharField(_("role"), max_length=15, choices=ProjectPartnerRole.choices)

    class Meta:
        ordering = ["role", "organization__name"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organization", "role"],
                name="projects_projectpartner_unique_role",
            ),
        ]

    def __str__(self):
        return f"{self.organization}: {self.get_role_display()} in {self.project}"


class Milestone(OriginalLanguageModel, models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description (Markdown)"), blank=True)
    due_on = models.DateField(_("due on"), validators=[plausible_date])
    completed_on = models.DateField(
        _("completed on"), null=True, blank=True, validators=[plausible_date]
    )
    # `history`: registered in translation.py, so it records every language's column.

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return f"{self.project}: {self.title}"

    @property
    def is_completed(self) -> bool:
        return self.completed_on is not None


class ProjectUpdate(OriginalLanguageModel, PublishableModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    title = models.CharField(_("title"), max_length=250)
    body = models.TextField(_("body (Markdown)"), blank=True)
    author = optional_relation(settings.AUTH_USER_MODEL, related_name="project_updates")
    # `history`: registered in translation.py, so it records every language's column.

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")
        constraints = [published_needs_date_constraint("projects_update_published_has_date")]
        indexes = [models.Index(fields=["project", "status", "-published_at"])]

    def __str__(self):
        return self.title


class CollaborationKind(models.TextChoices):
    JOIN_PILOT = "join_pilot", _("Join a pilot")
    TECHNICAL_EXPERTISE = "technical_expertise", _("Offer technical expertise")
    PEER_EXCHANGE = "peer_exchange", _("Propose a peer exchange between cities")
    CO_HOST_TRAINING = "co_host_training", _("Co-host a training")
    FUNDING = "funding", _("Funding")


# A collaboration request goes through the workflow of every request staff review (core.models).
CollaborationStatus = RequestStatus
OPEN_COLLABORATION_STATUSES = OPEN_REQUEST_STATUSES


class CollaborationRequest(ReviewedRequestModel):
    """A partner's request to work with a pilot, a cluster or a city."""

    requester = person_relation(related_name="collaboration_requests")
    organization = optional_relation("accounts.Organization", related_name="collaboration_requests")
    # A first contact may not have an organization record yet; its name is kept as typed.
    organization_name = models.CharField(_("organization name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CollaborationKind.choices)
    project = target_relation(Project, related_name="collaboration_requests")
    cluster = target_relation("clusters.Cluster", related_name="collaboration_requests")
    city = target_relation("cities.City", related_name="collaboration_requests")
    message = models.TextField(_("message"))
    contact_preferences = models.CharField(_("contact preferences"), max_length=300, blank=True)
    # A request that grew out of a match: the city it is made for, and the topic the match named.
    from_city = optional_relation(
        "cities.City",
        verbose_name=_("on behalf of the city"),
        related_name="collaboration_requests_made",
    )
    topic = optional_relation(
        "clusters.Topic", verbose_name=_("topic"), related_name="collaboration_requests"
    )
    assigned_to = optional_relation(
        settings.AUTH_USER_MODEL, related_name="assigned_collaboration_requests"
    )
    # What an acceptance led to: a new (draft) pilot staff set up, or the existing pilot the
    # requester's organization joined as a partner with `accepted_role`.
    accepted_project = optional_relation(
        Project,
        verbose_name=_("resulting project"),
        related_name="originating_collaboration_requests",
    )
    accepted_role = models.CharField(
        _("partner role given"), max_length=15, choices=ProjectPartnerRole.choices, blank=True
    )

    class Meta(ReviewedRequestModel.Meta):
        ordering = ["-created_at"]
        verbose_name = _("collaboration request")
        verbose_name_plural = _("collaboration requests")
        constraints = [
            exactly_one_constraint(
                ("project", "cluster", "city"),
                name="projects_collabrequest_exactly_one_target",
                violation_error_message=_("Choose exactly one pilot, cluster or city."),
            ),
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False) | ~models.Q(organization_name=""),
                name="projects_collabrequest_has_organization",
                violation_error_message=_("Say which organization the request comes from."),
            ),
        ]
        indexes = ReviewedRequestModel.requester_indexes("requester")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.target} ({self.get_status_display()})"

    @property
    def target(self):
        return self.project or self.cluster or self.city


def collaboration_attachment_path(instance, filename):
    # The name was generated by the upload checks; the request id keeps a request's files together.
    return f"collaboration/{instance.request_id}/{filename}"


class CollaborationMessage(models.Model):
    """One message in the conversation between a requester and UN staff about a request."""

    request = models.ForeignKey(
        CollaborationRequest, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="collaboration_messages",
    )
    body = models.TextField(_("message (Markdown)"), blank=True)
    attachment = private_file(_("attachment"), upload_to=collaboration_attachment_path)
    # The name the sender's file had, shown to readers; the stored name is generated.
    attachment_name = models.CharField(_("attachment name"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("collaboration message")
        verbose_name_plural = _("collaboration messages")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(body="") | ~models.Q(attachment=""),
                name="projects_collabmessage_not_empty",
                violation_error_message=_("Write a message or attach a file."),
            ),
        ]

    def __str__(self):
        return f"{self.author} on {self.request_id}"


class CollaborationStatusChange(
    status_change_model(
        CollaborationRequest,
        "request",
        actor_related_name="collaboration_status_changes",
        verbose_name=_("collaboration status change"),
        verbose_name_plural=_("collaboration status changes"),
    )
):
    """One step of a request's history: who moved it from which status to which, and why."""
