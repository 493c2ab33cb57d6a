"""Member countries are named in correct Arabic: django-countries' catalogue writes three of
them without the hamza of their first letter."""

import pytest
from django.utils import translation
from django_countries import countries

from tests.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "arabic", "french"),
    [
        ("ET", "إثيوبيا", "Éthiopie"),
        ("ID", "إندونيسيا", "Indonésie"),
        ("EE", "إستونيا", "Estonie"),
        ("EC", "الإكوادور", "Équateur"),
        ("TZ", "تنزانيا", "Tanzanie"),
        ("PH", "الفلبين", "Philippines"),
        ("BD", "بنغلاديش", "Bangladesh"),
    ],
)
def test_a_country_is_named_with_its_hamza_in_arabic_and_as_before_elsewhere(code, arabic, french):
    with translation.override("ar"):
        assert countries.name(code) == arabic
    with translation.override("fr"):
        assert countries.name(code) == french


def test_the_arabic_city_page_names_ethiopia_with_its_hamza(client):
    CityFactory(name="Addis Ababa", slug="addis-ababa", country="ET")

    page = client.get("/ar/cities/addis-ababa/").content.decode()

    assert "إثيوبيا" in page
    assert "اثيوبيا" not in page
