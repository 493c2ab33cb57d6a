from django import forms

from core.editor_forms import MARKDOWN_HELP, markdown_widget, tag_widget

from .models import City


class CityProfileForm(forms.ModelForm):
    """What a city official keeps current; name, place and region stay with the editors."""

    class Meta:
        model = City
        fields = ["summary", "description", "website", "population", "hazards"]
        widgets = {"description": markdown_widget(), "hazards": tag_widget()}
        help_texts = {
            "description": MARKDOWN_HELP,
            "hazards": "Separate hazards with commas (flood, earthquake…).",
        }
