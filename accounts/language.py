"""A signed-in person's language follows them from browser to browser.

The profile keeps the preferred language (emails and digests use it too); signing in applies it
to the browser, and choosing a language on the language page while signed in saves it.
"""

from django.conf import settings
from django.contrib import messages
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.i18n import set_language

from core.i18n import path_in_language
from core.language_notice import language_switched_tags

from . import services


def is_offered(language: str) -> bool:
    return language in dict(settings.LANGUAGES)


def language_cookie_set(response, language: str):
    """Make `language` the one LocaleMiddleware picks from the next request on."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def language_switch_notice(request, *, previous: str, current: str) -> None:
    """Tell someone whose sign-in changed the interface's language, with a way back.

    The message speaks the new language; base.html adds a "Switch back" button, in the previous
    language, that posts to set_language (which also makes it the profile's language).
    """
    name = str(get_language_info(current)["name_translated"])
    messages.info(
        request,
        _("The portal is now in %(language)s, your profile's language.") % {"language": name},
        extra_tags=language_switched_tags(previous),
    )


def set_language_remembered(request):
    """Django's set_language, which also saves the choice on the signed-in person's profile.

    The visitor lands on the page they came from in the chosen language: /fr/clusters/ with
    French, /clusters/ with English (Django's own view only moves unprefixed addresses).
    """
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and is_offered(language) and response.has_header("Location"):
        response["Location"] = path_in_language(response["Location"], language)
    if (
        request.method == "POST"
        and request.user.is_authenticated
        and is_offered(language)
        and language != request.user.preferred_language
    ):
        services.profile_language_set(user=request.user, language=language)
    return response
