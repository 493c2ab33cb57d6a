"""Forms of the collaboration pages; the spam checks are the submission service's."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from cities.models import City
from clusters.models import Cluster, Topic
from core.forms import filter_choice_field, slug_choice_field, text_field
from core.roles import CITY_OFFICIAL

from .collaboration_selectors import AGE_BUCKETS, collaboration_targets, staff_reviewers
from .collaboration_services import AcceptOutcome, attachment_types
from .models import CollaborationKind, CollaborationStatus, Project, ProjectPartnerRole

TARGET_MODELS = {"project": Project, "cluster": Cluster, "city": City}


class CollaborationRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What would you like to do?"),
        choices=CollaborationKind.choices,
        widget=forms.RadioSelect,
    )
    target = forms.ChoiceField(
        label=gettext_lazy("With which pilot, cluster or city?"),
    )
    from_city = slug_choice_field(
        gettext_lazy("On behalf of your city"),
        queryset=City.objects.none(),
        empty_label=gettext_lazy("Not on behalf of a city"),
        help_text=gettext_lazy("A request made for your city is counted with its matches."),
    )
    topic = slug_choice_field(
        gettext_lazy("Topic"),
        queryset=Topic.objects.select_related("cluster").order_by(
            "cluster__order", "order", "name"
        ),
        empty_label=gettext_lazy("No particular topic"),
        help_text=gettext_lazy("What the exchange is about, from the clusters' list of topics."),
    )
    organization_name = forms.CharField(
        label=gettext_lazy("Your organization"),
        max_length=200,
        help_text=gettext_lazy("The organization you make this request for."),
    )
    message = text_field(
        gettext_lazy("Your message"),
        max_length=5000,
        rows=8,
        required=True,
        help_text=gettext_lazy(
            "What you propose, what you bring and what you hope for. Markdown is allowed."
        ),
    )
    contact_preferences = forms.CharField(
        label=gettext_lazy("How should we contact you?"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("For example: email in English, or a call on weekday mornings."),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.organization = kwargs.pop("organization", None)
        super().__init__(*args, **kwargs)
        if self.organization is not None:
            # A partner's request is always made for their organization.
            del self.fields["organization_name"]
        if user.city_id and user.has_role(CITY_OFFICIAL):
            # A city official speaks for their own city, and for no other.
            self.fields["from_city"].queryset = City.objects.filter(pk=user.city_id)
        else:
            del self.fields["from_city"]
        targets = collaboration_targets()
        self.fields["target"].choices = [
            ("", _("Choose…")),
            (
                _("Pilots and programmes"),
                [(f"project:{p.slug}", p.title) for p in targets["project"]],
            ),
            (_("Clusters"), [(f"cluster:{c.slug}", c.name) for c in targets["cluster"]]),
            (_("Cities"), [(f"city:{c.slug}", str(c)) for c in targets["city"]]),
        ]

    @classmethod
    def initial_from(cls, query, *, user) -> dict:
        """The form as a link fills it in: `?city=<slug>&kind=peer_exchange&from_city=<slug>
        &topic=<slug>` ("Propose an exchange" on a suggestion), or just a target."""
        initial = {"target": cls.target_initial(query)}
        kind = query.get("kind", "")
        if kind in CollaborationKind.values:
            initial["kind"] = kind
        topic = Topic.objects.filter(slug=query.get("topic", "")).first()
        from_city = None
        if query.get("from_city") and user.city_id and user.has_role(CITY_OFFICIAL):
            from_city = City.objects.filter(pk=user.city_id, slug=query["from_city"]).first()
        if topic is not None:
            initial["topic"] = topic.slug
        if from_city is not None:
            initial["from_city"] = from_city.slug
        target = cls._target_named(initial["target"])
        if from_city is not None and topic is not None and target is not None:
            initial["message"] = _(
                "%(city)s would like to work with %(target)s on %(topic)s. "
                "Here is what we hope to learn and what we can bring:"
            ) % {"city": from_city.name, "target": target, "topic": topic.name}
        return initial

    @staticmethod
    def _target_named(value: str):
        field, _sep, slug = value.partition(":")
        model = TARGET_MODELS.get(field)
        if model is None or not slug:
            return None
        queryset = Project.objects.published() if model is Project else model.objects.all()
        return queryset.filter(slug=slug).first()

    @staticmethod
    def target_initial(query) -> str:
        """`?project=<slug>`, `?cluster=` or `?city=` as the target's initial value."""
        for field in TARGET_MODELS:
            slug = query.get(field)
            if slug:
                return f"{field}:{slug}"
        return ""

    def clean_target(self):
        field, _sep, slug = self.cleaned_data["target"].partition(":")
        model = TARGET_MODELS[field]
        queryset = Project.objects.published() if model is Project else model.objects.all()
        target = queryset.filter(slug=slug).first()
        if target is None:  # pragma: no cover - the choices list only existing targets
            raise forms.ValidationError(_("Choose a pilot, cluster or city from the list."))
        return {field: target}


class MessageForm(forms.Form):
    body = text_field(
        gettext_lazy("Message"),
        max_length=5000,
        rows=4,
        help_text=gettext_lazy("Markdown is allowed."),
    )
    # The form's renderer says "(optional)"; the hint lists what clean_attachment accepts.
    attachment = forms.FileField(label=gettext_lazy("Attach a file"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = _("PDF, Office document or image (%(types)s).") % {
            "types": attachment_types()
        }

    def clean(self):
        cleaned = super().clean()
        if self.has_error("body") or self.has_error("attachment"):
            return cleaned  # a message too long or a file refused is its own, clearer error
        if not cleaned.get("body", "").strip() and not cleaned.get("attachment"):
            raise forms.ValidationError(_("Write a message or attach a file."))
        return cleaned


class DecisionNoteForm(forms.Form):
    note = text_field(gettext_lazy("Note for the requester"), max_length=2000, rows=2)


class DeclineForm(DecisionNoteForm):
    """A decline is final and tells the requester at once: the box makes a click on the wrong
    button not enough."""

    confirm = forms.BooleanField(
        label=gettext_lazy("Yes, decline this request (it cannot be reopened)"),
        error_messages={
            "required": gettext_lazy("Tick the box to confirm that the request is declined.")
        },
    )


class AcceptForm(DecisionNoteForm):
    outcome = forms.ChoiceField(
        label=gettext_lazy("What does the acceptance lead to?"),
        choices=AcceptOutcome.choices,
        initial=AcceptOutcome.NOTHING_MORE,
        widget=forms.RadioSelect,
    )
    project = slug_choice_field(gettext_lazy("Pilot"), queryset=Project.objects.order_by("title"))
    partner_role = forms.ChoiceField(
        label=gettext_lazy("Role of the organization in the pilot"),
        choices=[("", "—"), *ProjectPartnerRole.choices],
        required=False,
    )
    new_pilot_title = forms.CharField(
        label=gettext_lazy("Title of a new draft pilot"),
        required=False,
        max_length=250,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Needed by one outcome and not the others (collaboration_request_accept says which):
        # the label says when, where "(optional)" would have told the reader to leave it empty.
        self.fields["project"].required_when = gettext_lazy(
            "(to join a pilot other than the request's, or to use an existing pilot as the new one)"
        )
        self.fields["partner_role"].required_when = gettext_lazy("(needed to join a pilot)")
        self.fields["new_pilot_title"].required_when = gettext_lazy(
            "(for a new pilot, unless it exists already)"
        )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=gettext_lazy("Handled by"),
        queryset=User.objects.none(),
        required=False,
        empty_label=gettext_lazy("Nobody yet"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_reviewers()


class ReviewQueueFilterForm(forms.Form):
    cluster = slug_choice_field(
        gettext_lazy("Cluster"),
        queryset=Cluster.objects.order_by("order", "name"),
        empty_label=gettext_lazy("Any cluster"),
    )
    kind = filter_choice_field(
        gettext_lazy("Kind"), CollaborationKind.choices, any_label=gettext_lazy("Any kind")
    )
    status = filter_choice_field(
        gettext_lazy("Status"), CollaborationStatus.choices, any_label=gettext_lazy("Any status")
    )
    age = filter_choice_field(
        gettext_lazy("Age"),
        [(value, label) for value, label, _newer, _older in AGE_BUCKETS],
        any_label=gettext_lazy("Any age"),
    )
