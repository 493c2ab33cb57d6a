import pytest
from django.db import IntegrityError, transaction

from accounts.models import RequestedRole, RoleRequest, RoleRequestStatus, User
from tests.factories import OrganizationFactory, UserFactory


@pytest.mark.django_db
def test_it_refuses_two_accounts_whose_emails_differ_only_by_case():
    User.objects.create(email="A@x.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="a@x.org")


@pytest.mark.django_db
def test_it_accepts_two_different_emails():
    User.objects.create(email="amal@x.org")
    User.objects.create(email="bassam@x.org")

    assert User.objects.count() == 2


@pytest.mark.django_db
def test_it_refuses_a_role_request_decided_without_a_review_time():
    request = RoleRequest.objects.create(
        user=UserFactory(), role=RequestedRole.PARTNER, organization=OrganizationFactory()
    )

    request.status = RoleRequestStatus.APPROVED
    with pytest.raises(IntegrityError), transaction.atomic():
        request.save()
