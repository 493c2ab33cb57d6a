"""How django-allauth fits this portal's User (email login, a `name`, no username)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name = form.cleaned_data.get("name", "").strip()
        # Emails and digests then speak the language the person signed up in.
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        if commit:
            user.save()
        return user

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None and not EmailAddress.objects.filter(user=user).exists():
            # Sign-up always records the address unverified. An account with no record at all
            # was made by staff (admin, createsuperuser, load_demo), who vouch for the address;
            # without this, mandatory verification would lock those people out.
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        return user
