import datetime as dt

import django_filters
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster

from .models import Event, EventFormat, EventKind


class MonthField(forms.DateField):
    input_formats = ["%Y-%m"]
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, for example 2024-09.")}


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, queryset, value):
        if not value:
            return queryset
        # Month boundaries in the visitor's zone, so "September" means their September.
        zone = timezone.get_current_timezone()
        first = dt.datetime(value.year, value.month, 1, tzinfo=zone)
        following = dt.datetime(
            value.year + value.month // 12, value.month % 12 + 1, 1, tzinfo=zone
        )
        return queryset.filter(starts_at__lt=following, ends_at__gte=first)


class EventFilter(django_filters.FilterSet):
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        field_name="clusters",
        to_field_name="slug",
        queryset=Cluster.objects.active(),
        empty_label=_("All clusters"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds")
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=EventFormat.choices, empty_label=_("Any format")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
        empty_label=_("Any language"),
        method="filter_language",
    )
    month = MonthFilter(
        label=_("Month"),
        help_text=_("YYYY-MM"),
        widget=forms.TextInput(attrs={"placeholder": "2024-09", "inputmode": "numeric"}),
    )

    class Meta:
        model = Event
        fields = ["cluster", "kind", "format", "language", "month"]

    def filter_language(self, queryset, name, value):
        # `languages` is a JSON list. `__contains` on a JSON field only works on PostgreSQL, so
        # match the quoted code in the stored text, which SQLite and PostgreSQL both keep as
        # ["en", "ar"]. The value is one of LANGUAGES, so it cannot smuggle a pattern in.
        return queryset.filter(languages__icontains=f'"{value}"')

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()
