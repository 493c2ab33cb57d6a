from django import forms
from django.utils.translation import gettext_lazy as _

from core import uploads
from core.editor_forms import (
    MARKDOWN_HELP,
    TAG_HELP,
    SlugFromTitleMixin,
    markdown_widget,
    tag_widget,
)

from .models import Resource, ResourceKind

PROPOSABLE_KINDS = (ResourceKind.GOOD_PRACTICE, ResourceKind.CASE_STUDY)


class UploadCheckMixin:
    """Documents are sniffed and renamed, images re-encoded; only new uploads are checked."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):
            return uploads.clean_document(upload)
        return upload

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload and hasattr(upload, "content_type"):
            return uploads.clean_image(upload)
        return upload


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
        widgets = {
            "body": markdown_widget(),
            "clusters": forms.CheckboxSelectMultiple,
            "tags": tag_widget(),
            # Pillow decides what an image is; the browser's filter only narrows the picker.
            "image": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
            ),
        }
        help_texts = {"body": MARKDOWN_HELP, "tags": TAG_HELP}
        labels = {
            "clusters": _("Clusters"),
            "cities": _("Cities"),
            "organizations": _("Organizations"),
            "projects": _("Projects"),
        }
        # A plain file field: core.uploads decodes the image itself and says why it refuses one.
        field_classes = {"image": forms.FileField}


class ResourceProposalForm(UploadCheckMixin, forms.ModelForm):
    """What a city official may say about a practice of their city; editors do the rest."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[(kind.value, kind.label) for kind in PROPOSABLE_KINDS]
    )

    class Meta:
        model = Resource
        fields = [
            "kind",
            "title",
            "summary",
            "body",
            "external_url",
            "file",
            "image",
            "language",
            "clusters",
            "tags",
        ]
        widgets = {
            "body": markdown_widget(),
            "clusters": forms.CheckboxSelectMultiple,
            "tags": tag_widget(),
        }
        help_texts = {"body": MARKDOWN_HELP, "tags": TAG_HELP}
        labels = {"clusters": _("Clusters")}
        # A plain file field: core.uploads decodes the image itself and says why it refuses one.
        # The slug of a new proposal is made by resources.services.resource_propose.
        field_classes = {"image": forms.FileField}


class ReturnProposalForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the proposer change?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )
