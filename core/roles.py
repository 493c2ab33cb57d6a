"""Roles are Django groups granted by staff; these names are the contract with the rest of the code."""

from django.utils.translation import gettext_lazy as _

UN_STAFF = "UN staff"
CITY_OFFICIAL = "City official"
PARTNER = "Partner"

ALL_ROLES = (UN_STAFF, CITY_OFFICIAL, PARTNER)
# The group names are identifiers (the API answers them as they are); a page shows a person
# their roles in the reader's language.
ROLE_LABELS = {UN_STAFF: _("UN staff"), CITY_OFFICIAL: _("City official"), PARTNER: _("Partner")}


def role_names(user) -> set[str]:
    """The user's roles (group names), read once per user object so templates can ask
    repeatedly without queries."""
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def user_has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return role in role_names(user)


def is_editor(user) -> bool:
    return user_has_role(user, UN_STAFF)
