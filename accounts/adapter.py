"""How django-allauth fits this portal's User (email login, a `name`, no username)."""

import logging
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import translation
from kombu.exceptions import OperationalError as BrokerError

from core.i18n import path_in_language

from .language import is_offered, language_cookie_set, language_switch_notice
from .tasks import account_email_payload, send_account_email

logger = logging.getLogger(__name__)


def portal_site() -> SimpleNamespace:
    """What allauth's emails call the site: the portal's name and the host of its address."""
    return SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Rendered here, in the person's language; sent by a worker on the transactional queue."""
        # allauth's own send_mail, which this replaces, gave the templates the site; without it
        # they read "Hello from !" and "register an account on .".
        context = {"email": email, "current_site": portal_site(), **context}
        message = self.render_mail(template_prefix, email, context)
        try:
            send_account_email.delay(account_email_payload(message))
        except (BrokerError, OSError):
            # Without the broker the person still gets their link, the request just waits for it.
            logger.warning("Broker unreachable; sending the account email in the request.")
            message.send()

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name = form.cleaned_data.get("name", "").strip()
        # Emails and digests then speak the language the person signed up in.
        language = translation.get_language() or settings.LANGUAGE_CODE
        if is_offered(language):
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

    def post_login(self, request, user, **kwargs):
        # The profile's language wins over whatever this browser last used, so someone who chose
        # Arabic sees Arabic on a new phone too; the "signed in" message already speaks it.
        # When that changes the language, a notice says so and offers the way back in one click.
        language = user.preferred_language
        if not is_offered(language):
            return super().post_login(request, user, **kwargs)
        previous = translation.get_language()
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = super().post_login(request, user, **kwargs)
        if response.has_header("Location"):
            # The page asked for (or the profile), in the profile's language: /ar/... for Arabic.
            response["Location"] = path_in_language(response["Location"], language)
        if previous != language and is_offered(previous):
            language_switch_notice(request, previous=previous, current=language)
        return language_cookie_set(response, language)
