"""The anti-spam counters and the form's start token behind collaboration_request_submit.

Everything here lives in the shared cache (Redis in production, local memory in development
and tests), so a limit or a used token holds across processes and servers. The rules that use
them, and the refusals, are in collaboration_services.
"""

import contextlib
import hashlib
import ipaddress
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django_ratelimit.core import get_usage

# The honeypot: a field people never see; software filling every input fills it too.
HONEYPOT_FIELD = "website"
# When the form was shown, signed so it cannot be forged; people need more than a moment.
STARTED_FIELD = "form_started"
_STARTED_SALT = "projects.collaboration.form-started"
# A form shown longer ago than this is still accepted: a real partner may take a day to write.
STARTED_MAX_AGE_SECONDS = 7 * 24 * 3600
_SENT_FORM_KEY_PREFIX = "collaboration-form-used:"
_PENDING = "pending"


def _setting(name, default):
    return getattr(settings, name, default)


# --- Rate limits ----------------------------------------------------------------------------


def _ip_network(ip: str) -> str:
    # As django-ratelimit's "ip" key: an IPv6 client owns a /64, so it counts as one address.
    mask = _setting("RATELIMIT_IPV6_MASK", 64) if ":" in ip else _setting("RATELIMIT_IPV4_MASK", 32)
    return str(ipaddress.ip_network(f"{ip}/{mask}", strict=False).network_address)


def submission_wait_seconds(*, user_pk: int, client_ip: str | None) -> int | None:
    """Count one submission attempt; the seconds to wait when a limit is exceeded, else None.

    The counters, groups and windows are django-ratelimit's, as the form used before the rules
    moved here, so counts already in the cache keep counting. Both counters move on every
    attempt, so neither can be used to probe the other. The keys are given as values rather
    than read from an HTTP request: the API and the pages call this alike.
    """
    counters = [("user", _setting("COLLABORATION_RATE_PER_USER", "10/h"), str(user_pk))]
    if client_ip:
        # Not an address (a misconfigured proxy header): no per-IP count rather than a 500.
        with contextlib.suppress(ValueError):
            counters.append(
                ("ip", _setting("COLLABORATION_RATE_PER_IP", "30/h"), _ip_network(client_ip))
            )
    waits = []
    for name, rate, value in counters:
        usage = get_usage(
            None,
            group=f"collaboration-submit-{name}",
            key=lambda _group, _request, value=value: value,
            rate=rate,
            increment=True,
        )
        if usage is not None and usage["should_limit"]:
            waits.append(max(usage["time_left"], 1))
    return max(waits) if waits else None


# --- The form's start token -----------------------------------------------------------------


def started_token(*, now: float | None = None) -> str:
    """A signed token saying when the form was shown; a random part makes each one unique."""
    now = time.time() if now is None else now
    return signing.Signer(salt=_STARTED_SALT).sign(f"{now:.3f}:{secrets.token_urlsafe(9)}")


def started_at(token: str) -> float | None:
    """When the form carrying `token` was shown; None for a forged or garbled token."""
    try:
        value = signing.Signer(salt=_STARTED_SALT).unsign(token or "")
        # Tokens signed before the random part was added hold the time alone.
        return float(value.split(":", 1)[0])
    except (signing.BadSignature, ValueError):
        return None


def _used_key(token: str) -> str:
    return _SENT_FORM_KEY_PREFIX + hashlib.sha256(token.encode()).hexdigest()


def started_token_claim(token: str) -> bool:
    """Mark the token as being used; False when it has been (or is being) used already.

    `cache.add` is atomic, so of two submissions racing with one token only one gets it. The
    mark is kept as long as the token is valid; an expired token is refused anyway.
    """
    return cache.add(_used_key(token), _PENDING, STARTED_MAX_AGE_SECONDS)


def started_token_release(token: str) -> None:
    """The submission it was claimed for was refused: the form may be sent again."""
    cache.delete(_used_key(token))


def started_token_spent(token: str, *, request_pk: int) -> None:
    """Remember which request the token sent, to point a second click at it."""
    cache.set(_used_key(token), request_pk, STARTED_MAX_AGE_SECONDS)


def started_token_request_pk(token: str) -> int | None:
    """The request a used token sent, when known."""
    value = cache.get(_used_key(token))
    return value if isinstance(value, int) else None
