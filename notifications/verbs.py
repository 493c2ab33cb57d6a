"""The `verb` codes stored on Notification rows and how a reader sees them."""

from django.utils.translation import gettext_lazy as _

VERB_LABELS = {
    "published_pilot": _("New pilot"),
    "published_update": _("Pilot update"),
    "published_event": _("New event"),
    "published_resource": _("New resource"),
    "published_news": _("News"),
    "series_session_added": _("New session in your training series"),
    "registration_confirmed": _("Registration confirmed"),
    "registration_waitlisted": _("On the waiting list"),
    "registration_promoted": _("You have a seat"),
    "registration_reminder": _("Starts in 24 hours"),
    "collaboration_new_request": _("New collaboration request"),
    "collaboration_message": _("New message on a collaboration request"),
    "collaboration_status": _("Collaboration request update"),
}


def verb_label(verb: str) -> str:
    return str(VERB_LABELS.get(verb, verb.replace("_", " ").capitalize()))
