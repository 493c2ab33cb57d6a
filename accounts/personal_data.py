"""The accounts app's part of a person's data: profile, roles, addresses, role requests."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from rest_framework.authtoken.models import Token

from core.personal_data import PersonalDataSection, export_row, export_rows

from .models import RoleRequest


def _erase_sign_in_data(user) -> None:
    Token.objects.filter(user=user).delete()
    RoleRequest.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()


SECTIONS = (
    PersonalDataSection("profile", lambda user: export_row(user, exclude=("user_permissions",))),
    PersonalDataSection("roles", lambda user: list(user.groups.values_list("name", flat=True))),
    PersonalDataSection(
        "email_addresses",
        lambda user: export_rows(EmailAddress.objects.filter(user=user)),
        erase=_erase_sign_in_data,
        erase_order=900,
    ),
    PersonalDataSection(
        "two_factor_authenticators",
        lambda user: [
            {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in Authenticator.objects.filter(user=user)
        ],
    ),
    PersonalDataSection(
        "role_requests",
        lambda user: export_rows(
            RoleRequest.objects.filter(user=user).select_related(
                "city", "organization", "reviewed_by"
            )
        ),
    ),
)
