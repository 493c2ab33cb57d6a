"""The opportunities app's part of a person's data: their applications and their documents."""

from core.personal_data import PersonalDataSection, export_rows

from .models import Application


def _erase(user) -> None:
    for application in Application.objects.filter(applicant=user).exclude(document=""):
        application.document.delete(save=False)
    Application.objects.filter(applicant=user).delete()


SECTIONS = (
    PersonalDataSection(
        "opportunity_applications",
        lambda user: export_rows(
            Application.objects.filter(applicant=user).select_related(
                "opportunity", "city", "organization", "applicant"
            )
        ),
        erase=_erase,
        erase_order=20,
    ),
)
