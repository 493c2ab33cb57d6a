"""The notifications app's part of a person's data: follows, notifications, digests, emails."""

from core.personal_data import PersonalDataSection, export_rows

from .models import Digest, Notification, OutboxEmail, Subscription


def _erase(user) -> None:
    Subscription.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    Digest.objects.filter(user=user).delete()
    OutboxEmail.objects.filter(recipient=user).delete()


SECTIONS = (
    PersonalDataSection(
        "subscriptions",
        lambda user: export_rows(
            Subscription.objects.filter(user=user).select_related("cluster", "city", "project")
        ),
        # After the other apps: what they do on the way out (a cancelled seat) may notify.
        erase=_erase,
        erase_order=500,
    ),
    PersonalDataSection(
        "notifications", lambda user: export_rows(Notification.objects.filter(recipient=user))
    ),
    PersonalDataSection(
        "digests",
        lambda user: export_rows(Digest.objects.filter(user=user), exclude=("outbox_email",)),
    ),
    PersonalDataSection(
        "emails",
        lambda user: export_rows(
            OutboxEmail.objects.filter(recipient=user),
            exclude=("html_body", "headers", "last_error"),
        ),
    ),
)
