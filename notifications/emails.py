"""Render one notification email: HTML and plain text, in the recipient's language and time zone.

The outbox stores what this returns (notifications.outbox.outbox_row).
"""

import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.time_zones import valid_time_zone

ONE_CLICK = "List-Unsubscribe=One-Click"


@dataclass
class RenderedEmail:
    subject: str
    text_body: str
    html_body: str
    headers: dict = field(default_factory=dict)
    # [{"filename", "mimetype", "content"}], text content: what OutboxEmail.attachments holds.
    attachments: list = field(default_factory=list)


def recipient_language(user) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    code = (user.preferred_language or "").lower()
    if code in known:
        return code
    # "fr-CA" or "zh" still reach a language the site speaks.
    base = code.split("-")[0]
    for candidate in known:
        if candidate.split("-")[0] == base:
            return candidate
    return settings.LANGUAGE_CODE


def recipient_zone(user):
    return zoneinfo.ZoneInfo(valid_time_zone(user.time_zone) or "UTC")


def email_render(
    *, template: str, user, context: dict, unsubscribe_url: str = "", attachments=()
) -> RenderedEmail:
    """Render templates/notifications/email/<template>{_subject.txt,.txt,.html} for one user.

    The templates see `attachment_names`, so the text can mention a file only when it is there.
    """
    language = recipient_language(user)
    with translation.override(language), timezone.override(recipient_zone(user)):
        full_context = {
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
            "recipient": user,
            "language": language,
            "unsubscribe_url": unsubscribe_url,
            "attachment_names": [attachment["filename"] for attachment in attachments],
            **context,
        }
        subject = render_to_string(f"notifications/email/{template}_subject.txt", full_context)
        text_body = render_to_string(f"notifications/email/{template}.txt", full_context)
        html_body = render_to_string(f"notifications/email/{template}.html", full_context)
    headers = {"Content-Language": language}
    if unsubscribe_url:
        # RFC 8058: mail clients show an "Unsubscribe" button that POSTs to this URL.
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = ONE_CLICK
    return RenderedEmail(
        subject=" ".join(subject.split())[:300],
        text_body=text_body.strip() + "\n",
        html_body=html_body,
        headers=headers,
        attachments=list(attachments),
    )
