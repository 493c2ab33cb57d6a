from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget
from taggit.models import Tag
from taggit.utils import edit_string_for_tags

from clusters.models import Topic
from core import uploads
from core.content_language import shown_text_order
from core.editor_forms import (
    MARKDOWN_HELP,
    RowsFormSet,
    checked_upload,
    image_widget,
    markdown_widget,
    rows_formset,
    tag_widget,
)

from .hazards import hazard_label
from .models import City, CityNeed, CityOffer


class _CitiesInReadingOrder:
    """A choice of cities listed in the order of their names as the reader sees them.

    The order is the reader's, so it is taken each time the list is read: a queryset ordered
    where a form class is defined keeps the language of the process's start (English), and
    Django copies it to every form of that class."""

    def _get_queryset(self):
        queryset = super()._get_queryset()
        return None if queryset is None else queryset.order_by(shown_text_order("name"), "pk")

    queryset = property(_get_queryset, forms.ModelChoiceField._set_queryset)


class CityChoiceField(_CitiesInReadingOrder, forms.ModelChoiceField):
    pass


class CityMultipleChoiceField(_CitiesInReadingOrder, forms.ModelMultipleChoiceField):
    pass


class HazardWidget(TagWidget):
    """The city's hazards named in the reader's language ("فيضان, زلزال" on the Arabic page),
    as the city page names them; `services.city_update` stores them by key again."""

    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            # Tags as the form's initial value (a string is what was posted, shown as typed),
            # each label once: "flood" and an old "فيضان" both read "فيضان" in Arabic.
            labels = dict.fromkeys(hazard_label(tag.name) for tag in value)
            value = edit_string_for_tags([Tag(name=label) for label in labels])
        return super().format_value(value)


class CityProfileForm(forms.ModelForm):
    """What a city official keeps current: how the city presents itself, its photo, whom to
    contact and where it is. The name, country and region stay with UN staff."""

    class Meta:
        model = City
        fields = [
            "summary",
            "description",
            "photo",
            "photo_alt",
            "population",
            "website",
            "hazards",
            "contact_name",
            "contact_role",
            "contact_email",
            "latitude",
            "longitude",
        ]
        widgets = {
            "description": markdown_widget(),
            # tag_widget()'s own attributes (suggestions as you type) on the labelling widget.
            "hazards": HazardWidget(attrs=tag_widget().attrs),
            "photo": image_widget(),
        }
        help_texts = {
            "summary": _("One or two sentences shown in lists and search results."),
            "description": MARKDOWN_HELP,
            "hazards": _("Separate hazards with commas (flood, earthquake…)."),
            "contact_email": _(
                "Shown on the city's page: use a shared address, not a private one."
            ),
            "latitude": _("Decimal degrees, north positive (Tripoli: 34.4367)."),
            "longitude": _("Decimal degrees, east positive (Tripoli: 35.8497)."),
        }
        # A plain file field: core.uploads decodes the image itself and says why it refuses one.
        field_classes = {"photo": forms.FileField}

    def clean_photo(self):
        return checked_upload(self.cleaned_data.get("photo"), uploads.clean_image)

    def clean(self):
        cleaned_data = super().clean()
        has_photo = cleaned_data.get("photo") or (
            self.instance.photo and cleaned_data.get("photo") is not False
        )
        if has_photo and not cleaned_data.get("photo_alt"):
            self.add_error("photo_alt", _("Describe what the photo shows."))
        return cleaned_data


def topic_choices() -> list:
    """The vocabulary as a select shows it: topics under their cluster's name (one query)."""
    groups: dict[str, list] = {}
    for topic in Topic.objects.select_related("cluster").order_by(
        "cluster__order", "cluster__name", "order", "name"
    ):
        groups.setdefault(topic.cluster.name, []).append((topic.pk, topic.name))
    return [("", "—"), *groups.items()]


class TopicRowForm(forms.ModelForm):
    """One need or offer: the topic, a note, whom to ask."""

    def __init__(self, *args, topic_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if topic_choices is not None:
            self.fields["topic"].choices = topic_choices


class TopicRowsFormSet(RowsFormSet):
    """Rows whose topic select lists the vocabulary grouped by cluster, read once per list."""

    def get_form_kwargs(self, index):
        if not hasattr(self, "_topic_choices"):
            self._topic_choices = topic_choices()
        return {**super().get_form_kwargs(index), "topic_choices": self._topic_choices}


def _topic_rows(model):
    return rows_formset(
        City,
        model,
        form=TopicRowForm,
        fields=["topic", "note", "contact_role"],
        formset=TopicRowsFormSet,
    )


CityNeedFormSet = _topic_rows(CityNeed)
CityOfferFormSet = _topic_rows(CityOffer)
