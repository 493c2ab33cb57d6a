from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.editor_forms import MARKDOWN_HELP, markdown_widget

from .models import SDG_NAMES, Cluster


class ClusterForm(forms.ModelForm):
    sdgs = forms.TypedMultipleChoiceField(
        label=_("SDGs served"),
        choices=[
            (number, format_lazy("{}. {}", number, name)) for number, name in SDG_NAMES.items()
        ],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Cluster
        fields = ["name", "summary", "description", "colour", "icon", "sdgs", "order", "is_active"]
        widgets = {
            "description": markdown_widget(),
            "colour": forms.TextInput(attrs={"type": "color"}),
        }
        help_texts = {"description": MARKDOWN_HELP}
