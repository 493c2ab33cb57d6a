import zoneinfo

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import OrganizationChoiceField
from cities.forms import CityChoiceField
from core.content_language import reading_key
from core.editor_forms import (
    MARKDOWN_HELP,
    SlugFromTitleMixin,
    local_datetime_widget,
    markdown_widget,
    rows_formset,
)
from core.time_zones import canonical_zones, zone_label

from .models import Event, EventCoHost, TrainingSeries

LOCAL_TIME_FIELDS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")
# Events and series alike: a Markdown description, clusters ticked.
TEXT_AND_CLUSTER_WIDGETS = {
    "description": markdown_widget(),
    "clusters": forms.CheckboxSelectMultiple,
}


def _time_zone_choices(current: str = ""):
    """Each place's zone once (no old aliases), named as the profile and the event page name
    them ("Beyrouth, UTC+2") with the IANA name after it, so the searchable list finds a zone by
    its city in the editor's language or by its key; in the order of those names. An event
    already in an alias zone keeps it, so its form saves unchanged."""
    keys = ["UTC", *canonical_zones()]
    if current and current not in keys:
        keys.append(current)
    return sorted(
        ((key, zone_label(key)) for key in keys), key=lambda choice: reading_key(choice[1])
    )


class LanguagesField(forms.CharField):
    """Language codes typed as "en, ar", kept as a list."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        codes = [code.strip().lower() for code in text.replace(";", ",").split(",")]
        return [code for code in codes if code]

    def validate(self, value):
        super().validate(value)
        for code in value:
            if not (2 <= len(code) <= 10) or not code.replace("-", "").isalpha():
                raise forms.ValidationError(
                    _("%(code)s is not a language code such as en or pt-br."),
                    params={"code": code},
                )


class EventForm(SlugFromTitleMixin, forms.ModelForm):
    """Times are typed as the clock reads where the event happens (its time zone)."""

    # Its choices are set per form (`__init__`), where the event's own zone is known.
    time_zone = forms.ChoiceField(label=_("Event time zone"))
    languages = LanguagesField(
        label=_("Languages"), required=False, help_text=_("Language codes, e.g. en, ar.")
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "kind",
            "format",
            "summary",
            "description",
            "time_zone",
            "starts_at",
            "ends_at",
            "city",
            "venue",
            "online_url",
            "clusters",
            "topics",
            "projects",
            "series",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "languages",
        ]
        widgets = {
            **TEXT_AND_CLUSTER_WIDGETS,
            **{name: local_datetime_widget() for name in LOCAL_TIME_FIELDS},
        }
        help_texts = {"description": MARKDOWN_HELP}
        field_classes = {"city": CityChoiceField}
        labels = {
            "city": _("City"),
            "clusters": _("Clusters"),
            "projects": _("Projects"),
            "series": _("Series"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].initial = self.instance.time_zone or "UTC"
        self.fields["time_zone"].choices = _time_zone_choices(self.instance.time_zone)
        for name in LOCAL_TIME_FIELDS:
            self.fields[name].help_text = _("Local time at the event.")
            value = getattr(self.instance, name, None)
            if value is not None and not self.is_bound:
                self.initial[name] = timezone.localtime(value, self.instance.tzinfo).replace(
                    tzinfo=None
                )

    def clean(self):
        cleaned_data = super().clean()
        zone_key = cleaned_data.get("time_zone")
        if zone_key:
            zone = zoneinfo.ZoneInfo(zone_key)
            for name in LOCAL_TIME_FIELDS:
                value = cleaned_data.get(name)
                if value is not None:
                    # The form read the clock time in the visitor's zone; it belongs to the event's.
                    wall_clock = timezone.make_naive(value)
                    cleaned_data[name] = timezone.make_aware(wall_clock, zone)
        return cleaned_data


EventCoHostFormSet = rows_formset(
    Event,
    EventCoHost,
    fields=["organization", "role"],
    labels={"organization": _("Organization")},
    field_classes={"organization": OrganizationChoiceField},
)


# What a series says about itself and what its certificate asks, in this order: the editor's
# form writes these fields and the API (events.api) shows them, so both stay the same list.
SERIES_CONTENT_FIELDS = [
    "summary",
    "description",
    "organizers",
    "clusters",
    "is_certified",
    "sessions_required_for_certificate",
    "final_requirement",
    "start_year",
    "end_year",
]


class TrainingSeriesForm(SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = TrainingSeries
        fields = ["title", "slug", *SERIES_CONTENT_FIELDS]
        widgets = TEXT_AND_CLUSTER_WIDGETS
        help_texts = {"description": MARKDOWN_HELP}
        labels = {"organizers": _("Organizers"), "clusters": _("Clusters")}


class FinalRequirementMarkForm(forms.Form):
    """What the staff participants table posts; the messages name the field a tampered post broke."""

    user = forms.ModelChoiceField(
        queryset=get_user_model().objects.all(),
        error_messages={
            "required": _("Choose the participant to mark."),
            "invalid_choice": _("No such participant: they may have deleted their account."),
        },
    )
    completed = forms.TypedChoiceField(
        choices=[("1", _("Met")), ("0", _("Not yet met"))],
        coerce=lambda value: value == "1",
        error_messages={
            "required": _("Say whether the requirement is met."),
            "invalid_choice": _("Say whether the requirement is met."),
        },
    )
    note = forms.CharField(max_length=300, required=False)
