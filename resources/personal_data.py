"""Resources a person wrote stay public after their account closes, credited to their
organization; nothing else of theirs is kept here."""

from core.personal_data import PersonalDataSection

from .models import Resource


def _erase(user) -> None:
    if user.organization_id:
        for resource in Resource.objects.filter(author=user):
            resource.organizations.add(user.organization_id)
    Resource.objects.filter(author=user).update(author=None)


SECTIONS = (
    PersonalDataSection(
        "resources_written",
        lambda user: list(Resource.objects.filter(author=user).values("title", "slug", "status")),
        erase=_erase,
        erase_order=20,
    ),
)
