from django import forms
from django.utils.translation import gettext_lazy as _

from core import uploads
from core.editor_forms import MARKDOWN_HELP, markdown_widget, tag_widget

from .models import City


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
            "hazards": tag_widget(),
            # Pillow decides what an image is; the browser's filter only narrows the picker.
            "photo": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
            ),
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
        upload = self.cleaned_data.get("photo")
        if upload and hasattr(upload, "content_type"):
            return uploads.clean_image(upload)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        has_photo = cleaned_data.get("photo") or (
            self.instance.photo and cleaned_data.get("photo") is not False
        )
        if has_photo and not cleaned_data.get("photo_alt"):
            self.add_error("photo_alt", _("Describe what the photo shows."))
        return cleaned_data
