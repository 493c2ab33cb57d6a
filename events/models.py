import datetime as dt
import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.content_language import OriginalLanguageModel
from core.models import (
    PublicationStatus,
    PublishableModel,
    PublishableQuerySet,
    TimeStampedModel,
    TitledPageModel,
    published_needs_date_constraint,
)
from core.relations import optional_relation, person_relation
from core.validators import known_time_zone, plausible_date


def validate_time_zone(value: str):
    known_time_zone(value)  # by this name in the migrations


class TrainingSeries(OriginalLanguageModel, TitledPageModel, PublishableModel):
    """A certified series of training sessions, such as the 2020-2023 online series."""

    detail_url_name = "events:series"

    description = models.TextField(_("description (Markdown)"), blank=True)
    organizers = models.ManyToManyField(
        "accounts.Organization", related_name="training_series", blank=True
    )
    clusters = models.ManyToManyField(
        "clusters.Cluster", related_name="training_series", blank=True
    )
    is_certified = models.BooleanField(_("certified"), default=False)
    sessions_required_for_certificate = models.PositiveSmallIntegerField(
        _("sessions to attend for a certificate"), default=0
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    final_requirement = models.CharField(
        _("end-of-course requirement"),
        max_length=300,
        blank=True,
        help_text=_(
            "Something participants must complete besides attending, such as “Submit a city "
            "action plan reviewed by the trainers”. Empty means attendance alone earns the "
            "certificate."
        ),
    )
    # `history`: registered in translation.py, so it records every language's column.

    class Meta:
        ordering = ["-start_year", "title"]
        verbose_name = _("training series")
        verbose_name_plural = _("training series")
        constraints = [
            published_needs_date_constraint("events_series_published_has_date"),
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="events_series_end_year_after_start",
                violation_error_message=_("The last year cannot come before the first."),
            ),
        ]

    @property
    def years(self) -> str:
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)


class EventKind(models.TextChoices):
    TRAINING_SESSION = "training_session", _("Training session")
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    CAPACITY_DEVELOPMENT = "capacity_development", _("Capacity-development event")
    FIELD_VISIT = "field_visit", _("Field visit")


# Events that count as trainings in the programme's figures, besides every session of a series.
TRAINING_KINDS = (
    EventKind.TRAINING_SESSION,
    EventKind.WORKSHOP,
    EventKind.CAPACITY_DEVELOPMENT,
)


def is_training() -> models.Q:
    """A training: a session of a training series, or a training kind of event on its own."""
    return models.Q(kind__in=TRAINING_KINDS) | models.Q(series__isnull=False)


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class EventQuerySet(PublishableQuerySet):
    def upcoming(self):
        """Events not over yet (one under way too), soonest first, found through the end-time
        index.

        Ordered by `starts_at` itself, PostgreSQL walks a start-time index from the oldest event
        and filters out every past one until it has enough upcoming ones: the events page read
        47,000 rows and took 48 ms at scale, 13 ms with a kind filter, more as the archive grows.
        A zero interval added to the sort key hides those indexes from the ordering, so the
        planner takes the (status, ends_at) index for `ends_at >= now` and sorts the few
        upcoming events itself. The id breaks ties, so pages do not overlap.
        """
        start = models.ExpressionWrapper(
            models.F("starts_at") + models.Value(dt.timedelta(0)),
            output_field=models.DateTimeField(),
        )
        return self.filter(ends_at__gte=timezone.now()).order_by(start, "pk")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def trainings_started(self):
        """Trainings that have started: the programme's reach, not its plans."""
        return self.filter(is_training(), starts_at__lte=timezone.now())


class Event(OriginalLanguageModel, TitledPageModel, PublishableModel):
    detail_url_name = "events:detail"

    kind = models.CharField(_("kind"), max_length=25, choices=EventKind.choices)
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices)
    description = models.TextField(_("description (Markdown)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"), validators=[plausible_date])
    ends_at = models.DateTimeField(_("ends at"), validators=[plausible_date])
    time_zone = models.CharField(
        _("event time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    city = optional_relation("cities.City", related_name="events")
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    cohosts = models.ManyToManyField(
        "accounts.Organization", through="EventCoHost", related_name="events", blank=True
    )
    clusters = models.ManyToManyField("clusters.Cluster", related_name="events", blank=True)
    topics = models.ManyToManyField(
        "clusters.Topic",
        verbose_name=_("topics"),
        related_name="events",
        blank=True,
        help_text=_("What the event teaches: cities that need these topics are told about it."),
    )
    projects = models.ManyToManyField("projects.Project", related_name="events", blank=True)
    series = optional_relation(TrainingSeries, related_name="sessions")
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty means no limit.")
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, validators=[plausible_date]
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, validators=[plausible_date]
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_('Language codes, e.g. ["en", "ar"].')
    )

    objects = EventQuerySet.as_manager()
    # `history`: registered in translation.py, so it records every language's column.

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            published_needs_date_constraint("events_event_published_has_date"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="events_event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gt=0),
                name="events_event_capacity_positive",
                violation_error_message=_("Capacity must be at least one seat, or empty."),
            ),
            models.CheckConstraint(
                condition=models.Q(registration_opens_at__isnull=True)
                | models.Q(registration_closes_at__isnull=True)
                | models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="events_event_registration_window_order",
                violation_error_message=_("Registration must close after it opens."),
            ),
        ]
        indexes = [
            # Past events newest first (a cluster's page, the archive): with the end and
            # publication dates beside the start, the ids of the newest past ones are read from
            # the index alone, past the upcoming ones it skips (3.3 -> 0.5 ms at scale). The kind
            # and series beside them let a filter by either be read from the index too; the
            # statistics' trainings are counted from `events_trainings_by_start` (below).
            models.Index(
                fields=["status", "starts_at"],
                include=["ends_at", "published_at", "id", "kind", "series"],
                name="events_published_by_start",
            ),
            # Upcoming events (ends_at ahead) sorted by start: with the start and publication
            # dates and the kind beside it, the soonest few (home page) and a page of the events
            # list, by kind too, are picked from the index alone.
            models.Index(
                fields=["status", "ends_at"],
                include=["starts_at", "published_at", "kind", "id"],
                name="events_upcoming_by_kind",
            ),
            models.Index(fields=["kind", "starts_at"]),
            # The published trainings alone, by start: the statistics count the trainings that
            # have started per year from this index (23,000 entries at scale) instead of
            # filtering the kind out of every published event's (47,000): 8.7 -> 5.0 ms. Its
            # condition is the query's own (`is_training`), so PostgreSQL can prove it applies.
            models.Index(
                fields=["starts_at"],
                include=["published_at", "id"],
                condition=models.Q(status=PublicationStatus.PUBLISHED) & is_training(),
                name="events_trainings_by_start",
            ),
        ]

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)


class CoHostRole(models.TextChoices):
    ORGANIZER = "organizer", _("Organizer")
    CO_HOST = "co_host", _("Co-host")
    TECHNICAL = "technical", _("Technical partner")
    SPONSOR = "sponsor", _("Sponsor")


class EventCoHost(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="cohost_links")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="event_links"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=CoHostRole.choices, default=CoHostRole.CO_HOST
    )

    class Meta:
        ordering = ["role", "organization__name"]
        verbose_name = _("co-host")
        verbose_name_plural = _("co-hosts")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization"], name="events_cohost_event_org_unique"
            ),
        ]

    def __str__(self):
        return f"{self.organization}: {self.get_role_display()} of {self.event}"


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("Waitlisted")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")


class Registration(TimeStampedModel):
    user = person_relation(related_name="registrations")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.REGISTERED,
    )
    # When the person joined the waitlist: the next free seat goes to the earliest. Kept apart
    # from updated_at so that any other save cannot reorder the queue.
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One seat per person per event; cancelling and coming back reuses the same row.
            models.UniqueConstraint(
                fields=["user", "event"], name="events_registration_user_event_unique"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.user} at {self.event} ({self.get_status_display()})"


def new_verification_code() -> str:
    return secrets.token_urlsafe(12)


class Certificate(models.Model):
    user = person_relation(related_name="certificates")
    series = models.ForeignKey(
        TrainingSeries, on_delete=models.PROTECT, related_name="certificates"
    )
    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    verification_code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=new_verification_code
    )

    class Meta:
        ordering = ["-issued_on"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "series"], name="events_certificate_user_series_unique"
            ),
        ]

    def __str__(self):
        return f"{self.series} certificate for {self.user}"

    def get_absolute_url(self):
        return reverse("certificates:verify", kwargs={"code": self.verification_code})


class FinalRequirementCompletion(models.Model):
    """Staff's record that a participant met a series' end-of-course requirement."""

    series = models.ForeignKey(
        TrainingSeries, on_delete=models.CASCADE, related_name="final_requirement_completions"
    )
    user = person_relation(related_name="final_requirement_completions")
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)
    recorded_by = optional_relation(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    # Unmarking deletes the row; the history keeps who recorded and who removed it.
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_at", "id"]
        verbose_name = _("end-of-course requirement completion")
        verbose_name_plural = _("end-of-course requirement completions")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "user"], name="events_finalreq_series_user_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user}: end-of-course requirement of {self.series}"
