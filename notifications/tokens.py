"""Signed unsubscribe tokens: they work without logging in and cannot be forged or edited.

A token names the user and what to stop: one subscription's emails (`sub`) or a digest period
(`digest`). It carries no expiry on purpose: mail clients keep old messages, and RFC 8058 expects
the one-click link in a months-old email to still work.
"""

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from .content import absolute_url

SALT = "notifications.unsubscribe"


@dataclass(frozen=True)
class UnsubscribeRequest:
    user_id: int
    subscription_id: int | None = None
    digest_period: str | None = None


def unsubscribe_token(*, user_id: int, subscription_id=None, digest_period=None) -> str:
    payload = {"u": user_id}
    if subscription_id is not None:
        payload["s"] = subscription_id
    if digest_period is not None:
        payload["d"] = digest_period
    return signing.dumps(payload, salt=SALT, compress=True)


def unsubscribe_url(*, language: str | None = None, **kwargs) -> str:
    """The one-click unsubscribe page, in the reader's `language`."""
    token = unsubscribe_token(**kwargs)
    return absolute_url(
        reverse("notifications:unsubscribe", kwargs={"token": token}), language=language
    )


def unsubscribe_token_read(token: str) -> UnsubscribeRequest:
    """Raise signing.BadSignature when the token was tampered with or is not ours."""
    payload = signing.loads(token, salt=SALT)
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        raise signing.BadSignature("Unexpected unsubscribe payload.")
    return UnsubscribeRequest(
        user_id=payload["u"],
        subscription_id=payload.get("s"),
        digest_period=payload.get("d"),
    )
