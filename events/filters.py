import datetime as dt

import django_filters
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from accounts.filters import organization_filter
from cities.filters import city_filter, country_filter, region_filter
from clusters.filters import cluster_filter
from core.filters import (
    ListFilterSet,
    StrictBooleanFilter,
    UtcIsoDateTimeFilter,
    date_range_filters,
    publication_status_filter,
    slug_filter,
)
from core.validators import plausible_date
from projects.filters import offer_what_pages_show, project_filter

from .models import Event, EventFormat, EventKind, Registration, RegistrationStatus, TrainingSeries


class MonthField(forms.DateField):
    input_formats = ["%Y-%m"]
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, for example 2024-09.")}
    # Month 9999-12 ends in year 10000, which Python cannot hold; events have no such dates.
    default_validators = [plausible_date]


MONTH_HELP = "Events running during this month (YYYY-MM, in UTC)."


class MonthInput(forms.DateInput):
    """<input type="month">: its value is YYYY-MM, what MonthField reads."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m")


# Its own schema, as no model field tells the type; the description must then come along.
@extend_schema_field(
    {"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2024-09", "description": MONTH_HELP}
)
class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, queryset, value):
        if not value:
            return queryset
        # On a page, month boundaries in the visitor's zone, so "September" means their
        # September; the API speaks UTC, as its date-times do.
        zone = timezone.get_current_timezone() if self.parent.on_page else dt.UTC
        first = dt.datetime(value.year, value.month, 1, tzinfo=zone)
        following = dt.datetime(
            value.year + value.month // 12, value.month % 12 + 1, 1, tzinfo=zone
        )
        return queryset.filter(starts_at__lt=following, ends_at__gte=first)


class EventFilter(ListFilterSet):
    """The events pages (upcoming and past) and `/api/v1/events/`.

    The event's format is `format` on the pages and `event_format` in the API, where DRF keeps
    `?format=` for choosing the response's renderer; the pages accept both names.
    """

    cluster = cluster_filter()
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=EventKind.choices, empty_label=_("Any kind")
    )
    event_format = django_filters.ChoiceFilter(
        label=_("Format"),
        field_name="format",
        choices=EventFormat.choices,
        empty_label=_("Any format"),
        help_text="Online, in person or hybrid (the events pages call it `format`).",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
        empty_label=_("Any language"),
        method="filter_language",
        help_text="Events held in this language (one of the portal's languages).",
    )
    month = MonthFilter(
        label=_("Month"),
        # A month picker where the browser has one (phones, Chromium); elsewhere a text box,
        # whose hint is the current month (prepare_page), typed as YYYY-MM.
        widget=MonthInput(),
        help_text=MONTH_HELP,
    )
    status = publication_status_filter()
    city = city_filter(label=_("Host city"), field_name="city", help_text="Slug of the host city.")
    country = country_filter(
        field_name="city__country", help_text="ISO 3166-1 alpha-2 code of the host city."
    )
    region = region_filter(field_name="city__region")
    project = project_filter()
    series = slug_filter(
        _("Training series"),
        queryset=TrainingSeries.objects.all(),
        empty_label=_("Any series"),
        help_text="Series slug.",
    )
    cohost = organization_filter(
        label=_("Co-host"),
        field_name="cohosts",
        help_text="Slug of a co-hosting organization.",
    )
    starts_after, starts_before = date_range_filters(
        field_name="starts_at",
        labels=(_("Starts on or after"), _("Starts on or before")),
        filter_class=UtcIsoDateTimeFilter,
        help_text="ISO 8601 date-time.",
    )

    page_fields = ("cluster", "kind", "format", "language", "month")
    page_names = {"event_format": "format"}

    class Meta:
        model = Event

    def filter_language(self, queryset, name, value):
        # `languages` is a JSON list. `__contains` on a JSON field only works on PostgreSQL, so
        # match the quoted code in the stored text, which SQLite and PostgreSQL both keep as
        # ["en", "ar"]. The value is one of LANGUAGES, so it cannot smuggle a pattern in.
        return queryset.filter(languages__icontains=f'"{value}"')

    def prepare_page(self):
        # The hint, for a browser with no month picker, is this month in the visitor's zone:
        # it shows the format (a fixed "2024-09" read as a month already chosen, and a past
        # one). No "YYYY-MM" above a picker, which asks for no typing.
        this_month = timezone.localdate().strftime("%Y-%m")
        self.change_page_filter(
            "month", help_text="", widget=MonthInput(attrs={"placeholder": this_month})
        )
        offer_what_pages_show(self)  # and published series
        self.change_page_filter(
            "series", queryset=TrainingSeries.objects.published().order_by("title")
        )


class TrainingSeriesFilter(ListFilterSet):
    """`/api/v1/training-series/`; series have pages of their own but no list page."""

    status = publication_status_filter()
    cluster = cluster_filter()
    organizer = organization_filter(label=_("Organizer"), field_name="organizers")
    is_certified = StrictBooleanFilter(label=_("Certified"))
    year = django_filters.NumberFilter(
        label=_("Year"),
        method="filter_year",
        min_value=1900,
        max_value=2200,
        help_text="Series running in this year.",
    )

    class Meta:
        model = TrainingSeries

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(start_year__lte=year).exclude(end_year__lt=year)


class RegistrationFilter(ListFilterSet):
    """`/api/v1/registrations/`: the signed-in person's own registrations."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=RegistrationStatus.choices, empty_label=_("Any status")
    )

    class Meta:
        model = Registration
