from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import User
from core.roles import UN_STAFF
from tests.factories import CityFactory, OrganizationFactory, UserFactory

ADD_URL = reverse("admin:accounts_user_add")
CHANGELIST_URL = reverse("admin:accounts_user_changelist")


def test_it_adds_a_user_by_email_with_a_password(admin_client):
    response = admin_client.post(
        ADD_URL,
        {
            "email": "nadia@tripoli.gov.lb",
            "name": "Nadia Karam",
            "usable_password": "true",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="nadia@tripoli.gov.lb")
    assert user.name == "Nadia Karam"
    assert user.check_password("a-long-enough-passphrase")


def test_it_refuses_to_add_an_email_that_exists_in_another_case(admin_client):
    UserFactory(email="nadia@tripoli.gov.lb")

    response = admin_client.post(
        ADD_URL,
        {
            "email": "Nadia@Tripoli.gov.lb",
            "usable_password": "false",
        },
    )

    assert response.status_code == 200
    assert "email" in response.context["adminform"].form.errors
    assert User.objects.filter(email__iexact="nadia@tripoli.gov.lb").count() == 1


def test_it_finds_users_by_email_or_name(admin_client):
    UserFactory(email="nadia@tripoli.gov.lb", name="Nadia Karam")
    UserFactory(email="li.wei@shenzhen.gov.cn", name="Li Wei")

    by_name = admin_client.get(CHANGELIST_URL, {"q": "karam"})
    by_email = admin_client.get(CHANGELIST_URL, {"q": "shenzhen"})

    assert [u.email for u in by_name.context["cl"].result_list] == ["nadia@tripoli.gov.lb"]
    assert [u.email for u in by_email.context["cl"].result_list] == ["li.wei@shenzhen.gov.cn"]


def test_it_filters_users_by_role_organization_and_city(admin_client):
    tripoli = CityFactory(name="Tripoli")
    undp = OrganizationFactory(acronym="UNDP")
    official = UserFactory(email="official@x.org", city=tripoli)
    partner = UserFactory(email="partner@x.org", organization=undp)
    editor = UserFactory(email="editor@x.org", roles=[UN_STAFF])
    un_staff = Group.objects.get(name=UN_STAFF)

    def emails(**params):
        response = admin_client.get(CHANGELIST_URL, params)
        return {u.email for u in response.context["cl"].result_list}

    assert emails(city__id__exact=tripoli.pk) == {official.email}
    assert emails(organization__id__exact=undp.pk) == {partner.email}
    assert emails(groups__id__exact=un_staff.pk) == {editor.email}
