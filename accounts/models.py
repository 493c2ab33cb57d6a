from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.content_language import OriginalLanguageModel
from core.models import SlugPageModel, TimeStampedModel
from core.relations import optional_relation, person_relation, target_relation
from core.validators import known_time_zone
from notifications.models import DigestFrequency


class OrganizationKind(models.TextChoices):
    UN_ENTITY = "un_entity", _("UN entity")
    NATIONAL_AGENCY = "national_agency", _("National agency")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    RESEARCH = "research", _("Research institution")
    NGO = "ngo", _("NGO")
    PRIVATE = "private", _("Private sector")
    ACADEMIA = "academia", _("Academia")


class Organization(OriginalLanguageModel, SlugPageModel, TimeStampedModel):
    detail_url_name = "partners:detail"

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self):
        return self.acronym or self.name

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class OrganizationOffer(models.Model):
    """Expertise an organization offers cities, as a topic of the clusters' vocabulary."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="offers")
    topic = models.ForeignKey(
        "clusters.Topic",
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="organization_offers",
    )
    note = models.CharField(_("short note"), max_length=300, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=150, blank=True)

    class Meta:
        ordering = ["topic__cluster__order", "topic__order", "topic__name"]
        verbose_name = _("expertise offered")
        verbose_name_plural = _("expertise offered")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "topic"], name="accounts_organizationoffer_unique"
            ),
        ]
        indexes = [models.Index(fields=["topic", "organization"])]

    def __str__(self):
        return f"{self.organization}: {self.topic.name}"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not (extra_fields["is_staff"] and extra_fields["is_superuser"]):
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # Email is the login and people type it in any case.
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person using the portal. The email address is the login."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, default="en", blank=True
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", blank=True, validators=[known_time_zone]
    )
    organization = optional_relation(
        Organization, verbose_name=_("organization"), related_name="members"
    )
    city = optional_relation("cities.City", verbose_name=_("city"), related_name="officials")
    digest_frequency = models.CharField(
        _("digest frequency"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Two accounts must not differ only by the case of their email address.
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email

    def has_role(self, role: str) -> bool:
        from core.roles import user_has_role

        return user_has_role(self, role)


class RequestedRole(models.TextChoices):
    CITY_OFFICIAL = "city_official", _("City official")
    PARTNER = "partner", _("Member of a partner organization")


class RoleRequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class RoleRequest(TimeStampedModel):
    """A signed-in person asks UN staff for a role; nothing changes until staff approve it."""

    user = person_relation(related_name="role_requests", verbose_name=_("applicant"))
    role = models.CharField(_("role"), max_length=20, choices=RequestedRole.choices)
    city = target_relation("cities.City", verbose_name=_("city"), related_name="role_requests")
    organization = target_relation(
        Organization, verbose_name=_("organization"), related_name="role_requests"
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RoleRequestStatus.choices,
        default=RoleRequestStatus.PENDING,
    )
    reviewed_by = optional_relation(
        User, verbose_name=_("reviewed by"), related_name="reviewed_role_requests"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True, max_length=2000)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("role request")
        verbose_name_plural = _("role requests")
        constraints = [
            # A double submit or two tabs must not queue the same request twice for reviewers.
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(status="pending"),
                name="accounts_rolerequest_one_pending_per_role",
                violation_error_message=_("You already have a pending request for this role."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(role="city_official", city__isnull=False, organization__isnull=True)
                    | models.Q(role="partner", organization__isnull=False, city__isnull=True)
                ),
                name="accounts_rolerequest_target_matches_role",
                violation_error_message=_(
                    "A city official request names a city; a partner request names an organization."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending", reviewed_at__isnull=True)
                | (~models.Q(status="pending") & models.Q(reviewed_at__isnull=False)),
                name="accounts_rolerequest_decision_has_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.user} asks to be {self.get_role_display()} ({self.target})"

    @property
    def target(self):
        return self.city if self.role == RequestedRole.CITY_OFFICIAL else self.organization

    @property
    def group_name(self) -> str:
        from core.roles import CITY_OFFICIAL, PARTNER

        return CITY_OFFICIAL if self.role == RequestedRole.CITY_OFFICIAL else PARTNER
