"""UN staff can also decide role requests from the admin, with the same effect as the review page."""

import pytest
from django.contrib.auth.models import Permission

from accounts.models import RequestedRole, RoleRequest, RoleRequestStatus
from core import roles
from notifications.models import Notification
from tests.factories import CityFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/accounts/rolerequest/"


@pytest.fixture
def requests_to_decide():
    city = CityFactory(name="Tripoli")
    return [
        RoleRequest.objects.create(user=UserFactory(), role=RequestedRole.CITY_OFFICIAL, city=city),
        RoleRequest.objects.create(
            user=UserFactory(), role=RequestedRole.PARTNER, organization=OrganizationFactory()
        ),
    ]


def run_action(client, action, requests):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [request.pk for request in requests]},
        follow=True,
    )


def test_it_approves_the_selected_requests_and_grants_each_role(admin_client, requests_to_decide):
    response = run_action(admin_client, "approve", requests_to_decide)

    assert "Approved 2 requests." in response.content.decode()
    official, partner = (
        type(request.user).objects.get(pk=request.user_id) for request in requests_to_decide
    )
    assert official.has_role(roles.CITY_OFFICIAL) and official.city.name == "Tripoli"
    assert partner.has_role(roles.PARTNER) and partner.organization is not None
    assert Notification.objects.filter(recipient__in=[official, partner]).count() == 2


def test_it_declines_and_leaves_decided_requests_alone(admin_client, requests_to_decide):
    first, second = requests_to_decide
    run_action(admin_client, "approve", [first])

    response = run_action(admin_client, "decline", requests_to_decide)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == RoleRequestStatus.APPROVED
    assert second.status == RoleRequestStatus.DECLINED
    assert "1 request was not pending" in response.content.decode()
    assert not type(second.user).objects.get(pk=second.user_id).groups.exists()


def test_it_keeps_staff_without_permission_out_of_the_admin_list(client, requests_to_decide):
    desk_officer = UserFactory(is_staff=True)
    client.force_login(desk_officer)
    assert client.get(CHANGELIST).status_code == 403

    desk_officer.user_permissions.add(Permission.objects.get(codename="change_rolerequest"))
    assert client.get(CHANGELIST).status_code == 200
