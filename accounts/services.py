"""Writes of the accounts app: role requests, organizations' descriptions, deleting an account."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.personal_data import personal_data_erase
from core.services import model_save
from notifications.emails import recipient_language
from notifications.services import notify_person

from .models import Organization, RequestedRole, RoleRequest, RoleRequestStatus, User


@transaction.atomic
def organization_update(*, organization: Organization, actor, data) -> Organization:
    """Change an organization (its translation page writes the description's other languages
    this way); its page is public, so a saved change is public at once."""
    if data:
        model_save(organization, data=data, actor=actor, reason="changed")
    return organization


def profile_update(
    *, user: User, name: str, preferred_language: str, time_zone: str, digest_frequency: str
) -> User:
    user.name = name
    user.preferred_language = preferred_language
    user.time_zone = time_zone
    user.digest_frequency = digest_frequency
    user.save(update_fields=["name", "preferred_language", "time_zone", "digest_frequency"])
    return user


def profile_language_set(*, user: User, language: str) -> User:
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return user


def role_request_submit(
    *, user: User, role: str, city=None, organization=None, message: str = ""
) -> RoleRequest:
    """Ask for a role; it is granted only when UN staff approve the request."""
    role_request = RoleRequest(
        user=user, role=role, city=city, organization=organization, message=message
    )
    already_linked = (
        user.city_id == getattr(city, "pk", None)
        if role == RequestedRole.CITY_OFFICIAL
        else user.organization_id == getattr(organization, "pk", None)
    )
    if already_linked and user.has_role(role_request.group_name):
        raise ValidationError(_("You already have this role."))
    try:
        # The partial unique constraint is the arbiter: two tabs submitting at once get one row.
        with transaction.atomic():
            role_request.save()
    except IntegrityError:
        if RoleRequest.objects.filter(
            user=user, role=role, status=RoleRequestStatus.PENDING
        ).exists():
            raise ValidationError(_("You already have a pending request for this role.")) from None
        raise
    return role_request


def _decide(*, role_request: RoleRequest, reviewer: User, status: str, note: str) -> bool:
    """Record the decision if the request is still pending; False when someone decided first."""
    decided = RoleRequest.objects.filter(
        pk=role_request.pk, status=RoleRequestStatus.PENDING
    ).update(status=status, reviewed_by=reviewer, reviewed_at=timezone.now(), decision_note=note)
    if decided:
        role_request.refresh_from_db()
    return bool(decided)


def _notify_applicant(*, role_request: RoleRequest) -> None:
    applicant = role_request.user
    approved = role_request.status == RoleRequestStatus.APPROVED
    with translation.override(recipient_language(applicant)):
        if approved:
            title = _("Your request to be %(role)s (%(target)s) was approved.")
        else:
            title = _("Your request to be %(role)s (%(target)s) was declined.")
        title %= {"role": role_request.get_role_display(), "target": role_request.target}
    notify_person(
        user=applicant,
        key=f"role-request:{role_request.pk}:{role_request.status}",
        verb=f"role_request_{role_request.status}",
        title=title,
        body=role_request.decision_note,
        path=reverse("accounts:profile"),
    )


@transaction.atomic
def role_request_approve(*, role_request: RoleRequest, reviewer: User, note: str = "") -> bool:
    """Grant the role: the group, and the city or organization it is for, in one transaction."""
    if not _decide(
        role_request=role_request, reviewer=reviewer, status=RoleRequestStatus.APPROVED, note=note
    ):
        return False
    applicant = User.objects.select_for_update().get(pk=role_request.user_id)
    group, _created = Group.objects.get_or_create(name=role_request.group_name)
    applicant.groups.add(group)
    if role_request.role == RequestedRole.CITY_OFFICIAL:
        applicant.city = role_request.city
        applicant.save(update_fields=["city"])
    else:
        applicant.organization = role_request.organization
        applicant.save(update_fields=["organization"])
    role_request.user = applicant
    _notify_applicant(role_request=role_request)
    return True


@transaction.atomic
def role_request_decline(*, role_request: RoleRequest, reviewer: User, note: str = "") -> bool:
    if not _decide(
        role_request=role_request, reviewer=reviewer, status=RoleRequestStatus.DECLINED, note=note
    ):
        return False
    _notify_applicant(role_request=role_request)
    return True


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Remove a person's personal data and close the account; public contributions stay.

    The row itself is kept, anonymised, because other records (collaboration requests, reviews)
    point at it. Each app erases what it keeps (core.personal_data): resources and pilot updates
    the person wrote lose their author and stay attributed to their organization, seats at coming
    events go to the waitlist, follows, notifications and emails are deleted.
    """
    personal_data_erase(user=user)
    user.email = f"deleted-{user.pk}@invalid"
    user.name = ""
    user.time_zone = "UTC"
    user.digest_frequency = "off"
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
