"""Forms for the account pages: sign-up, profile, role requests and account deletion."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cities.forms import CityChoiceField
from cities.models import City
from core.content_language import listed_with_and
from core.forms import filter_choice_field, text_field
from core.time_zones import (
    canonical_zone,
    valid_time_zone,
    zone_city,
    zone_label,
)

from .models import Organization, RequestedRole, RoleRequestStatus, User
from .selectors import time_zones_named

# Offered in the time-zone datalist, named in the reader's language ("Beyrouth, UTC+2"); any other
# IANA zone, or the city that names it, is accepted when typed.
COMMON_TIME_ZONES = (
    "UTC",
    "Africa/Cairo",
    "Africa/Johannesburg",
    "Africa/Lagos",
    "Africa/Nairobi",
    "America/Bogota",
    "America/Lima",
    "America/Mexico_City",
    "America/New_York",
    "America/Sao_Paulo",
    "Asia/Bangkok",
    "Asia/Beirut",
    "Asia/Dhaka",
    "Asia/Jakarta",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Manila",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Europe/London",
    "Europe/Paris",
    "Europe/Zurich",
    "Pacific/Auckland",
    "Pacific/Fiji",
)


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form (email, password twice) that also asks for the person's name."""

    name = forms.CharField(label=_("Your name"), max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.order_fields(["name", "email", "password1", "password2"])


class TimeZoneField(forms.CharField):
    """A time zone typed or picked by its name in the reader's language; the box shows the saved
    zone the same way ("Beyrouth, UTC+2 (Asia/Beirut)") rather than its bare key."""

    def prepare_value(self, value):
        return zone_label(value) if value else value


class OrganizationChoiceField(forms.ModelChoiceField):
    """An organization picked from a list: by its full name, with its acronym ("National
    Council for Scientific Research (CNRS)"), in the order of those names. Listed by acronym
    and sorted by name, "CNRS" came after "Municipality of Tripoli"."""

    def label_from_instance(self, obj):
        return obj.display_name


class ProfileForm(forms.ModelForm):
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )
    time_zone = TimeZoneField(
        label=_("Time zone"),
        # What is typed: a name as the list writes it, or a city; the key saved is shorter.
        max_length=200,
        help_text=_(
            "Pick one from the list, or type your city or country (such as Tripoli or "
            "Lebanon); times on the site are shown in its time zone."
        ),
        widget=forms.TextInput(attrs={"list": "time-zone-choices", "autocomplete": "off"}),
    )

    class Meta:
        model = User
        fields = ["name", "preferred_language", "time_zone", "digest_frequency"]
        labels = {"digest_frequency": _("Email digest")}
        help_texts = {
            "digest_frequency": _("How often to get news from what you follow by email."),
        }

    def clean_time_zone(self):
        typed = self.cleaned_data["time_zone"].strip()
        # A zone's key of today, or the zone already saved (so the form saves unchanged).
        is_current_key = valid_time_zone(typed) and canonical_zone(typed) == typed
        if typed == "UTC" or is_current_key or typed == self.initial.get("time_zone"):
            return typed
        zones = time_zones_named(text=typed)
        if not zones and valid_time_zone(typed):
            # An old name of a zone ("Asia/Calcutta"): saved under its name of today. A country
            # that is also an old zone's name ("Egypt") was found above, as its country.
            zones = [canonical_zone(typed)]
        if len(zones) == 1:
            return zones[0]
        if zones:
            language = translation.get_language() or settings.LANGUAGE_CODE
            raise forms.ValidationError(
                _(
                    "“%(place)s” has several time zones. Type the city nearest to you among "
                    "%(cities)s, or pick your zone from the list."
                ),
                params={
                    "place": typed,
                    "cities": listed_with_and(zone_city(zone, language) for zone in zones),
                },
            )
        raise forms.ValidationError(
            _(
                "“%(zone)s” is not a time zone we know. Pick one from the list, or type your "
                "city or country."
            ),
            params={"zone": typed},
        )


class RoleRequestForm(forms.Form):
    role = forms.ChoiceField(
        label=_("I would like to be"), choices=RequestedRole.choices, widget=forms.RadioSelect
    )
    # Each is needed by one role (clean says which): the label says when, where "(optional)"
    # would tell a city official to leave the city empty.
    city = CityChoiceField(label=_("City"), queryset=City.objects.all(), required=False)
    city.required_when = _("(needed for a city official)")
    organization = OrganizationChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.order_by("name", "pk"),
        required=False,
    )
    organization.required_when = _("(needed for a partner)")
    message = text_field(
        _("Message to the reviewers"),
        max_length=2000,
        rows=4,
        help_text=_("Your position, and how reviewers can confirm it."),
    )

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role == RequestedRole.CITY_OFFICIAL:
            cleaned["organization"] = None
            if not cleaned.get("city"):
                self.add_error("city", _("Choose the city you work for."))
        elif role == RequestedRole.PARTNER:
            cleaned["city"] = None
            if not cleaned.get("organization"):
                self.add_error("organization", _("Choose your organization."))
        return cleaned


class RoleRequestDecisionForm(forms.Form):
    # Sent by the Approve or Decline button that was pressed.
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        error_messages={
            "required": _("Choose to approve or decline the request."),
            "invalid_choice": _("Choose to approve or decline the request."),
        },
    )
    note = text_field(_("Note to the applicant"), max_length=2000, rows=2)


class RoleRequestFilterForm(forms.Form):
    status = filter_choice_field(_("Status"), RoleRequestStatus.choices, any_label=_("All"))
    role = filter_choice_field(_("Role"), RequestedRole.choices, any_label=_("All"))
    q = forms.CharField(label=_("Applicant"), max_length=100, required=False)


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be removed for good."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
