"""The events app's part of a person's data: registrations and certificates."""

from django.utils import timezone

from core.personal_data import PersonalDataSection, export_rows

from .models import Certificate, Registration
from .services import ACTIVE_STATUSES, registration_cancel


def _erase(user) -> None:
    # Cancelling first hands a freed seat at a coming event to the next person on its waitlist.
    coming = Registration.objects.filter(
        user=user, status__in=ACTIVE_STATUSES, event__ends_at__gte=timezone.now()
    ).select_related("event")
    for registration in coming:
        registration_cancel(user=user, event=registration.event)
    Registration.objects.filter(user=user).delete()
    Certificate.objects.filter(user=user).delete()


SECTIONS = (
    PersonalDataSection(
        "registrations",
        lambda user: export_rows(Registration.objects.filter(user=user).select_related("event")),
        erase=_erase,
        erase_order=10,
    ),
    PersonalDataSection(
        "certificates",
        lambda user: export_rows(Certificate.objects.filter(user=user).select_related("series")),
    ),
)
