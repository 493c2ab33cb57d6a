from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.content_language import OriginalLanguageModel, TranslatedQuerySet
from core.models import SlugPageModel, TimeStampedModel
from core.validators import plausible_date

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


class ClusterQuerySet(TranslatedQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def public(self):
        """An inactive cluster is the clusters' unpublished: its page and its name stay hidden
        (the protocol of core.visibility)."""
        return self.active()


class Cluster(OriginalLanguageModel, SlugPageModel, TimeStampedModel):
    """A thematic space in which member cities exchange knowledge."""

    detail_url_name = "clusters:detail"

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
    # `history`: registered in translation.py, so it records every language's column.

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self):
        return self.name

    @property
    def is_public(self) -> bool:
        return self.is_active

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
    since = models.DateField(_("member since"), null=True, blank=True, validators=[plausible_date])

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


class Topic(TimeStampedModel):
    """A subject a city can need or offer within a cluster ("early warning systems").

    The controlled vocabulary of matchmaking: staff keep each cluster's list in the admin, and
    city needs and offers, organizations' expertise, pilots and events all point at these rows,
    so "Shenzhen offers what Tripoli needs" is an exact match, not a guess over free text.
    """

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["cluster__order", "order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "name"], name="clusters_topic_cluster_name_unique"
            ),
        ]

    def __str__(self):
        return self.name
