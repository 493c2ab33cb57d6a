from django import forms
from django.utils.translation import gettext_lazy as _

from cities.forms import CityMultipleChoiceField
from core import uploads
from core.editor_forms import (
    MARKDOWN_HELP,
    TAG_HELP,
    BoundedTagField,
    SlugFromTitleMixin,
    checked_upload,
    image_widget,
    markdown_widget,
    tag_widget,
)
from core.forms import text_field

from .models import Resource, ResourceKind

PROPOSABLE_KINDS = (ResourceKind.GOOD_PRACTICE, ResourceKind.CASE_STUDY)
EDITORS_SET = ("slug", "cities", "organizations", "projects")
# The widgets both forms share; the full form also narrows the image picker.
_WIDGETS = {
    "body": markdown_widget(),
    "clusters": forms.CheckboxSelectMultiple,
    "tags": tag_widget(),
}


class UploadCheckMixin:
    """Documents are sniffed and renamed, images re-encoded; only new uploads are checked."""

    def clean_file(self):
        return checked_upload(self.cleaned_data.get("file"), uploads.clean_document)

    def clean_image(self):
        return checked_upload(self.cleaned_data.get("image"), uploads.clean_image)


class ResourceForm(UploadCheckMixin, SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = Resource
        fields = [
            "kind",
            "title",
            "slug",
            "summary",
            "body",
            "external_url",
            "file",
            "image",
            "language",
            "clusters",
            "cities",
            "organizations",
            "projects",
            "tags",
        ]
        widgets = {**_WIDGETS, "image": image_widget()}
        help_texts = {"body": MARKDOWN_HELP, "tags": TAG_HELP}
        labels = {
            "clusters": _("Clusters"),
            "cities": _("Cities"),
            "organizations": _("Organizations"),
            "projects": _("Projects"),
        }
        # A plain file field: core.uploads decodes the image itself and says why it refuses one.
        field_classes = {
            "image": forms.FileField,
            "tags": BoundedTagField,
            "cities": CityMultipleChoiceField,
        }


class ResourceProposalForm(UploadCheckMixin, forms.ModelForm):
    """What a city official may say about a practice of their city; editors do the rest."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[(kind.value, kind.label) for kind in PROPOSABLE_KINDS]
    )

    class Meta(ResourceForm.Meta):
        # The full form's fields but the address and the links, which editors set; the slug of
        # a new proposal is made by resources.services.resource_propose.
        fields = [name for name in ResourceForm.Meta.fields if name not in EDITORS_SET]
        widgets = _WIDGETS
        labels = {"clusters": _("Clusters")}


class ReturnProposalForm(forms.Form):
    comment = text_field(
        _("What should the proposer change?"), max_length=4000, rows=3, required=True
    )
