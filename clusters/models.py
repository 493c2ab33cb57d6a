from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from portal.models import (
    PublicationStatus,
    PublishableModel,
    TimeStampedModel,
    published_needs_date_constraint,
)

SDG_NAMES = {
    1: _("No poverty"),
    2: _("Zero hunger"),
    3: _("Good health and well-being"),
    4: _("Quality education"),
    5: _("Gender equality"),
    6: _("Clean water and sanitation"),
    7: _("Affordable and clean energy"),
    8: _("Decent work and economic growth"),
    9: _("Industry, innovation and infrastructure"),
    10: _("Reduced inequalities"),
    11: _("Sustainable cities and communities"),
    12: _("Responsible consumption and production"),
    13: _("Climate action"),
    14: _("Life below water"),
    15: _("Life on land"),
    16: _("Peace, justice and strong institutions"),
    17: _("Partnerships for the goals"),
}


def validate_sdg_list(value):
    if not isinstance(value, list) or not all(isinstance(n, int) and n in SDG_NAMES for n in value):
        raise ValidationError(_("SDGs must be a list of goal numbers from 1 to 17."))


class ClusterQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Cluster(TimeStampedModel):
    """A thematic space in which member cities exchange knowledge."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#1f6fb2",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a hex colour such as #1f6fb2."))],
    )
    icon = models.CharField(_("icon name"), max_length=40, blank=True)
    sdgs = models.JSONField(
        _("SDGs served"), default=list, blank=True, validators=[validate_sdg_list]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    objects = ClusterQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clusters:detail", kwargs={"slug": self.slug})

    @property
    def sdg_labels(self):
        return [(n, SDG_NAMES[n]) for n in self.sdgs if n in SDG_NAMES]


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    LEAD = "lead", _("Lead city")


class ClusterMembership(TimeStampedModel):
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="cluster_memberships"
    )
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    since = models.DateField(_("member since"), null=True, blank=True)

    class Meta:
        ordering = ["cluster__order", "city__name"]
        verbose_name = _("cluster membership")
        verbose_name_plural = _("cluster memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["city", "cluster"], name="clusters_membership_city_cluster_unique"
            ),
        ]
        indexes = [models.Index(fields=["cluster", "role"])]

    def __str__(self):
        return f"{self.city} in {self.cluster} ({self.get_role_display()})"


class ResourceKind(models.TextChoices):
    NEWS = "news", _("News")
    GOOD_PRACTICE = "good_practice", _("Good practice")
    CASE_STUDY = "case_study", _("Case study")
    TOOLKIT = "toolkit", _("Toolkit")
    REPORT = "report", _("Report")
    VIDEO = "video", _("Video")


class ReviewState(models.TextChoices):
    """Where a city official's proposal stands; editors' own drafts stay at NONE."""

    NONE = "none", _("Not under review")
    PROPOSED = "proposed", _("Proposed, awaiting review")
    RETURNED = "returned", _("Returned to the proposer")


class Resource(PublishableModel):
    """An item of the knowledge library; news is the kind "news"."""

    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)
    external_url = models.URLField(_("external link"), blank=True)
    file = models.FileField(_("file"), upload_to="resources/%Y/%m/", blank=True, max_length=200)
    image = models.ImageField(
        _("image"), upload_to="resources/images/%Y/%m/", blank=True, max_length=200
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    clusters = models.ManyToManyField(Cluster, related_name="resources", blank=True)
    cities = models.ManyToManyField("cities.City", related_name="resources", blank=True)
    organizations = models.ManyToManyField(
        "accounts.Organization", related_name="resources", blank=True
    )
    projects = models.ManyToManyField("projects.Project", related_name="resources", blank=True)
    author = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authored_resources",
    )
    tags = TaggableManager(blank=True)
    review_state = models.CharField(
        _("review state"), max_length=10, choices=ReviewState.choices, default=ReviewState.NONE
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    proposed_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_resources",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            published_needs_date_constraint("clusters_resource_published_has_date"),
            # A proposal under review (or sent back) is never public at the same time.
            models.CheckConstraint(
                condition=~models.Q(status=PublicationStatus.PUBLISHED)
                | models.Q(review_state=ReviewState.NONE),
                name="clusters_resource_published_not_in_review",
                violation_error_message=_("A resource under review cannot be published."),
            ),
        ]
        indexes = [
            models.Index(fields=["review_state", "-updated_at"]),
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["kind", "status", "-published_at"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("resources:detail", kwargs={"slug": self.slug})
