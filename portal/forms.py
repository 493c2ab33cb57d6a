from django import forms

from core.editor_forms import MARKDOWN_HELP, markdown_widget

from .models import SitePage


class SitePageForm(forms.ModelForm):
    # The address stays: the footer, and whoever linked the page, use it.
    class Meta:
        model = SitePage
        fields = ["title", "summary", "body"]
        widgets = {"body": markdown_widget(rows=20)}
        help_texts = {"body": MARKDOWN_HELP}
