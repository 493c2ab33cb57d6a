"""Country names read as each language writes them; django-countries had Nepal and Kyrgyzstan
wrong in Chinese (settings.COUNTRIES_OVERRIDE)."""

import pytest
from django.test import Client

from tests.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "chinese", "french"),
    [("NP", "尼泊尔", "Népal"), ("KG", "吉尔吉斯斯坦", "Kirghizistan")],
)
def test_a_city_page_names_its_country_in_the_readers_language(code, chinese, french):
    city = CityFactory(country=code)

    assert chinese in Client().get(f"/zh-hans/cities/{city.slug}/").content.decode()
    assert french in Client().get(f"/fr/cities/{city.slug}/").content.decode()
    assert "尼珀尔" not in Client().get(f"/zh-hans/cities/{city.slug}/").content.decode()
