from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from accounts.forms import OrganizationChoiceField
from accounts.models import Organization
from cities.forms import CityChoiceField
from cities.models import Region
from clusters.models import Topic
from core.content_language import listed
from core.editor_forms import (
    MARKDOWN_HELP,
    SlugFromTitleMixin,
    local_datetime_widget,
    markdown_widget,
)
from core.forms import text_field

from .models import Application, ApplicationStatus, Opportunity, topics_outside_cluster
from .services import APPLICATION_DOCUMENT_EXTENSIONS

MOTIVATION_MAX_LENGTH = 4000


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes under a fieldset and legend per group (a cluster's topics), so a screen
    reader names the group of each box."""

    template_name = "forms/widgets/grouped_checkboxes.html"


# Who hosts an opportunity, its theme, and who may apply by when: a group of the editor's form
# that the admin shows as one fieldset (opportunities.admin), so both list the same fields.
HOST_AND_ELIGIBILITY_FIELDS = (
    "host_organization",
    "host_city",
    "cluster",
    "topics",
    "eligible_regions",
    "eligible_countries",
    "deadline",
    "places",
)


class OpportunityForm(SlugFromTitleMixin, forms.ModelForm):
    """The editor's form; the deadline is typed as the editor's clock reads (their time zone)."""

    eligible_regions = forms.MultipleChoiceField(
        label=_("Eligible regions"),
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked when cities of every region may apply."),
    )

    class Meta:
        model = Opportunity
        fields = [
            "title",
            "slug",
            "kind",
            "summary",
            "description",
            *HOST_AND_ELIGIBILITY_FIELDS,
            "how_to_apply",
        ]
        widgets = {
            "description": markdown_widget(),
            "how_to_apply": markdown_widget(rows=6),
            "deadline": local_datetime_widget(),
            "topics": GroupedCheckboxes,
        }
        help_texts = {"description": MARKDOWN_HELP, "how_to_apply": MARKDOWN_HELP}
        field_classes = {
            "host_city": CityChoiceField,
            "host_organization": OrganizationChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].help_text = _("Your local time; readers see it in theirs.")
        self.fields["host_organization"].queryset = Organization.objects.order_by("name")
        # Named when the page renders, not now: the editor builds the form under the item's
        # original language (core.content_editor), but the boxes and the clusters' names are
        # read in the language of the page around it.
        self.fields["topics"].widget.choices = CallableChoiceIterator(self._topic_choices)
        if self.instance.pk and not self.is_bound:
            self.initial["deadline"] = timezone.localtime(self.instance.deadline).replace(
                tzinfo=None
            )

    def _topic_choices(self) -> list:
        """The vocabulary under each cluster's name, the opportunity's own cluster first (one
        query); the form refuses topics of another cluster than the one chosen."""
        groups: dict[int, tuple[str, list]] = {}
        for topic in Topic.objects.select_related("cluster").order_by(
            "cluster__order", "cluster__name", "order", "name"
        ):
            groups.setdefault(topic.cluster_id, (topic.cluster.name, []))[1].append(
                (topic.pk, topic.name)
            )
        own = self.instance.cluster_id
        ordered = sorted(groups.items(), key=lambda item: item[0] != own)
        return [(label, rows) for _cluster, (label, rows) in ordered]

    def clean(self):
        cleaned_data = super().clean()
        cluster, topics = cleaned_data.get("cluster"), cleaned_data.get("topics")
        if cluster is not None and topics:
            error = topics_outside_cluster(cluster, topics)
            if error:
                self.add_error("topics", error)
        return cleaned_data


class ApplicationForm(forms.ModelForm):
    """The applicant's short form; their city and organization are offered first."""

    document = forms.FileField(
        label=_("Supporting document"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ",".join(APPLICATION_DOCUMENT_EXTENSIONS)}),
    )

    class Meta:
        model = Application
        # The document is handed to the service, which checks and stores it.
        fields = ["motivation", "city", "organization"]
        widgets = {
            # No `maxlength`: it would cut a pasted motivation without a word, as
            # core.forms.LongTextField leaves it out; clean_motivation refuses one too long,
            # with the text kept.
            "motivation": forms.Textarea(attrs={"rows": 6})
        }
        help_texts = {
            "motivation": _("Why you apply, and what you would bring back to your city."),
            "city": _("The city you work for, if any."),
            "organization": _("The organization you work for, if any."),
        }
        field_classes = {"city": CityChoiceField, "organization": OrganizationChoiceField}

    def __init__(self, *args, opportunity=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.order_by("name")
        # Say what leaving the choice empty means, not "---------".
        self.fields["city"].empty_label = _("No city")
        self.fields["organization"].empty_label = _("No organization")
        self.fields["document"].help_text = _(
            "A CV or letter as PDF or Word (.docx), up to %(limit)s MB. Only you and UN staff "
            "can open it."
        ) % {"limit": settings.OPPORTUNITY_DOCUMENT_MAX_MB}
        if self.instance.pk is None and user is not None and not self.is_bound:
            self.initial.setdefault("city", getattr(user, "city_id", None))
            self.initial.setdefault("organization", getattr(user, "organization_id", None))
        if self.instance.document:
            self.fields["document"].help_text = _(
                "You sent %(name)s. Choose a file only to replace it (PDF or Word, up to "
                "%(limit)s MB)."
            ) % {"name": self.instance.document_name, "limit": settings.OPPORTUNITY_DOCUMENT_MAX_MB}
        opportunity = opportunity or (self.instance.opportunity if self.instance.pk else None)
        if opportunity is not None and opportunity.is_restricted:
            self._offer_admitted_cities_only(opportunity)

    def _offer_admitted_cities_only(self, opportunity):
        """A restricted opportunity asks for the city and lists only those that may apply,
        rather than saying "optional" and refusing the application once it is sent. The city
        already on an application stays in the list, so the form saves unchanged."""
        city = self.fields["city"]
        admitted = opportunity.admitted_cities()
        if self.instance.city_id:
            admitted |= Q(pk=self.instance.city_id)
        city.queryset = city.queryset.filter(admitted)
        city.required = True
        city.empty_label = _("Choose your city")
        places = listed(opportunity.eligible_place_names)
        city.help_text = _("This opportunity is open to cities of %(places)s.") % {"places": places}
        city.error_messages["required"] = _(
            "Name your city: this opportunity is open to cities of %(places)s only."
        ) % {"places": places}
        city.error_messages["invalid_choice"] = _(
            "This opportunity is open to cities of %(places)s only; choose one of them."
        ) % {"places": places}

    def clean_motivation(self):
        motivation = self.cleaned_data["motivation"]
        if len(motivation) > MOTIVATION_MAX_LENGTH:
            raise forms.ValidationError(
                _("The motivation is %(length)d characters long; keep it under %(limit)d.")
                % {"length": len(motivation), "limit": MOTIVATION_MAX_LENGTH}
            )
        return motivation

    def clean_document(self):
        # The file is checked by the service (size, PDF or .docx, its content).
        document = self.cleaned_data.get("document")
        return document or None


class ReviewForm(forms.Form):
    """What UN staff post to move an application: the new status and a note for the applicant."""

    to_status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (ApplicationStatus.UNDER_REVIEW, _("Under review")),
            (ApplicationStatus.ACCEPTED, _("Accept")),
            (ApplicationStatus.DECLINED, _("Decline")),
        ],
        error_messages={"invalid_choice": _("Choose under review, accept or decline.")},
    )
    note = text_field(
        _("Note to the applicant"),
        max_length=2000,
        rows=3,
        help_text=_("Sent with the notification; say what happens next."),
    )


class WithdrawForm(forms.Form):
    note = text_field(_("Reason"), max_length=1000, rows=2)
