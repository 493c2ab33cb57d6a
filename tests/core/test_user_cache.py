"""The signed-in user and their roles kept in the shared cache (core.user_cache).

A request reads neither the user row nor their groups from the database once they are kept;
whatever changes the user or their roles is seen by the next request.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from tests.factories import CityOfficialFactory, PartnerFactory

pytestmark = pytest.mark.django_db

# A page that reads the user and their roles (the header) and no content of its own.
PAGE = "/notifications/"


@pytest.fixture(autouse=True)
def _user_cache_on(settings):
    settings.USER_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def _user_reads(client, url=PAGE) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    reads = [
        query["sql"]
        for query in queries.captured_queries
        if '"accounts_user"' in query["sql"].split(" WHERE ")[0]
        or '"auth_group"' in query["sql"].split(" WHERE ")[0]
    ]
    return response.status_code, reads


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_kept_user_costs_no_query_for_the_user_or_their_roles():
    client = _signed_in(CityOfficialFactory())
    status, first = _user_reads(client)
    assert status == 200 and first, "the first request reads the user from the database"
    status, second = _user_reads(client)
    assert status == 200
    assert second == []


def test_off_by_default_outside_production(settings):
    settings.USER_CACHE_SECONDS = 0
    client = _signed_in(CityOfficialFactory())
    _user_reads(client)
    _status, second = _user_reads(client)
    assert second, "without the cache every request reads its user"


def test_a_deactivated_account_is_signed_out_at_its_next_request():
    user = CityOfficialFactory()
    client = _signed_in(user)
    _user_reads(client)
    user.is_active = False
    user.save()
    response = client.get(PAGE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_name_change_shows_at_once():
    user = CityOfficialFactory(name="Rania Haddad")
    client = _signed_in(user)
    assert "Rania Haddad" in client.get("/accounts/profile/").content.decode()
    user.name = "Hiba Khoury"
    user.save()
    assert "Hiba Khoury" in client.get("/accounts/profile/").content.decode()


def test_a_role_granted_or_taken_counts_at_the_next_request():
    user = PartnerFactory()
    client = _signed_in(user)
    assert client.get("/editor/").status_code == 403
    user.groups.add(Group.objects.get_or_create(name=UN_STAFF)[0])
    assert client.get("/editor/").status_code == 200
    Group.objects.get(name=UN_STAFF).user_set.remove(user)
    assert client.get("/editor/").status_code == 403


def test_emptying_or_deleting_a_group_forgets_its_members():
    official = CityOfficialFactory()
    client = _signed_in(official)
    group = Group.objects.get_or_create(name=UN_STAFF)[0]
    group.user_set.add(official)
    assert client.get("/editor/").status_code == 200
    group.user_set.clear()
    assert client.get("/editor/").status_code == 403
    group.user_set.add(official)
    assert client.get("/editor/").status_code == 200
    group.delete()
    assert client.get("/editor/").status_code == 403


def test_a_password_change_signs_out_the_other_sessions():
    user = CityOfficialFactory()
    other_device = _signed_in(user)
    _user_reads(other_device)
    user.set_password("another-password-2026")
    user.save()
    response = other_device.get(PAGE)
    assert response.status_code == 302


def test_each_user_is_kept_apart():
    official, partner = CityOfficialFactory(), PartnerFactory()
    official_client, partner_client = _signed_in(official), _signed_in(partner)
    _user_reads(official_client)
    _user_reads(partner_client)
    assert CITY_OFFICIAL in official_client.get(PAGE).wsgi_request.user.groups.values_list(
        "name", flat=True
    )
    assert partner_client.get(PAGE).wsgi_request.user.pk == partner.pk
    assert PARTNER in {g.name for g in partner.groups.all()}
