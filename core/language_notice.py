"""The "signing in changed your language" notice: how the message carries the way back.

accounts adds the message after sign-in; base.html renders its "Switch back" button. The
previous language travels in the message's tags, so nothing else needs to be stored.
"""

SWITCHED_TAG = "language-switched"
FROM_PREFIX = "language-from-"


def language_switched_tags(previous: str) -> str:
    return f"{SWITCHED_TAG} {FROM_PREFIX}{previous}"


def language_switched_from(message) -> str:
    """The language a sign-in switched away from, or "" for any other message."""
    tags = (getattr(message, "extra_tags", "") or "").split()
    if SWITCHED_TAG not in tags:
        return ""
    return next((tag.removeprefix(FROM_PREFIX) for tag in tags if tag.startswith(FROM_PREFIX)), "")
