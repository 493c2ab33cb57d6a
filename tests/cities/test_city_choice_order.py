"""Lists of cities and organizations in forms come in the order of the names the reader sees:
a list built once with the English order read as a jumble on Arabic and Russian pages."""

import re

import pytest
from django.utils import translation

from cities.forms import CityChoiceField, CityMultipleChoiceField
from cities.models import City
from tests.factories import CityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cities():
    # English puts Beirut before Cairo; Arabic puts القاهرة (alif) before بيروت (ba).
    return [
        CityFactory(name="Beirut", name_ar="بيروت", name_ru="Бейрут", slug="beirut"),
        CityFactory(name="Cairo", name_ar="القاهرة", name_ru="Каир", slug="cairo"),
        # Not named in Russian yet: its original name takes its place, not the end of the list.
        CityFactory(name="Accra", slug="accra"),
    ]


def _offered(page: str, field: str) -> list[str]:
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return [label for value, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)', select)]


def test_the_role_request_form_lists_cities_as_the_reader_reads_them(client, cities):
    client.force_login(UserFactory())

    english = _offered(client.get("/accounts/profile/role-request/").content.decode(), "city")
    arabic = _offered(client.get("/ar/accounts/profile/role-request/").content.decode(), "city")

    assert [label.split(",")[0] for label in english] == ["Accra", "Beirut", "Cairo"]
    assert [label.split("،")[0] for label in arabic] == ["Accra", "القاهرة", "بيروت"]


@pytest.mark.parametrize("field_class", [CityChoiceField, CityMultipleChoiceField])
def test_a_list_built_in_one_language_is_read_in_the_pages(cities, field_class):
    # The editor builds its forms under the item's original language and renders them in the
    # page's: the order is taken when the list is read.
    with translation.override("en"):
        field = field_class(queryset=City.objects.all())
    with translation.override("ru"):
        names = [city.name for city in field.queryset]

    assert names == ["Accra", "Бейрут", "Каир"]


def test_organizations_are_listed_by_the_full_names_they_are_sorted_by(client):
    from tests.factories import OrganizationFactory

    OrganizationFactory(name="National Council for Scientific Research", acronym="CNRS")
    OrganizationFactory(name="Municipality of Tripoli", acronym="")
    client.force_login(UserFactory())

    page = client.get("/accounts/profile/role-request/").content.decode()

    # By acronym but sorted by name, "CNRS" came after "Municipality of Tripoli".
    assert _offered(page, "organization") == [
        "Municipality of Tripoli",
        "National Council for Scientific Research (CNRS)",
    ]
