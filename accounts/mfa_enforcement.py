"""Superusers must use two-factor authentication: until they have set it up, every page except
the ones needed to set it up (and to sign out) sends them to the authenticator-app page."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.i18n import path_without_language

# Pages a superuser may still reach: setting up 2FA (allauth's /accounts/2fa/...), reauthentication
# it may ask for, signing out, and files. Everything else waits, the admin first of all.
ALLOWED_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
    "/static/",
    "/media/",
    "/healthz",
)


def superuser_must_set_up_mfa(user) -> bool:
    return (
        settings.MFA_REQUIRED_FOR_SUPERUSERS
        and user.is_authenticated
        and user.is_superuser
        and not is_mfa_enabled(user)
    )


class SuperuserMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            # In every language: /fr/accounts/2fa/ is the French set-up page.
            and not path_without_language(request.path_info).startswith(ALLOWED_PREFIXES)
            and superuser_must_set_up_mfa(user)
        ):
            if request.method == "GET":
                messages.warning(
                    request,
                    _(
                        "Superuser accounts must use two-factor authentication. Set up an "
                        "authenticator app to continue."
                    ),
                )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
