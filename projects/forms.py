from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import OrganizationChoiceField
from cities.forms import CityChoiceField
from core.editor_forms import (
    MARKDOWN_HELP,
    TAG_HELP,
    BoundedTagField,
    SlugFromTitleMixin,
    date_widget,
    markdown_widget,
    rows_formset,
    tag_widget,
)

from .models import Milestone, Project, ProjectCity, ProjectKind, ProjectPartner, ProjectUpdate


class ProjectForm(SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = Project
        fields = [
            "kind",
            "parent",
            "title",
            "slug",
            "summary",
            "body",
            "phase",
            "start_date",
            "end_date",
            "clusters",
            "topics",
            "tags",
        ]
        widgets = {
            "body": markdown_widget(),
            "start_date": date_widget(),
            "end_date": date_widget(),
            "clusters": forms.CheckboxSelectMultiple,
            "tags": tag_widget(),
        }
        help_texts = {"body": MARKDOWN_HELP, "tags": TAG_HELP}
        labels = {"clusters": _("Clusters")}
        field_classes = {"tags": BoundedTagField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programmes = Project.objects.filter(kind=ProjectKind.PROGRAMME).order_by("title")
        if self.instance.pk:
            programmes = programmes.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = programmes


ProjectCityFormSet = rows_formset(
    Project,
    ProjectCity,
    fields=["city", "role"],
    labels={"city": _("City")},
    field_classes={"city": CityChoiceField},
    extra=2,
)
ProjectPartnerFormSet = rows_formset(
    Project,
    ProjectPartner,
    fields=["organization", "role"],
    labels={"organization": _("Organization")},
    field_classes={"organization": OrganizationChoiceField},
)
MilestoneFormSet = rows_formset(
    Project,
    Milestone,
    fields=["title", "description", "due_on", "completed_on"],
    widgets={
        "description": markdown_widget(rows=3),
        "due_on": date_widget(),
        "completed_on": date_widget(),
    },
    help_texts={"description": MARKDOWN_HELP},
)


class ProjectUpdateForm(forms.ModelForm):
    class Meta:
        model = ProjectUpdate
        fields = ["title", "body"]
        widgets = {"body": markdown_widget()}
        help_texts = {"body": MARKDOWN_HELP}
