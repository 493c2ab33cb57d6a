"""Account emails (address confirmation, password reset) sent by a worker on the transactional
queue (CELERY_TASK_ROUTES), so the request that asked for one does not wait on the mail server."""

import smtplib

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


def account_email_payload(message) -> dict:
    """What a worker needs to send the message allauth rendered (JSON, for the broker)."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [list(alternative) for alternative in getattr(message, "alternatives", [])],
    }


def account_email_message(payload: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        headers=payload["headers"],
    )
    message.content_subtype = payload["content_subtype"]
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


# A mail server that is down for a while: the link in the email stays valid for days.
@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError),
    max_retries=8,
    retry_backoff=30,
)
def send_account_email(self, payload):
    account_email_message(payload).send()
