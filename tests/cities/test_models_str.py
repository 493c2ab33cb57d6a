import pytest
from django.utils import translation

from tests.factories import CityFactory


@pytest.mark.django_db
def test_it_names_a_city_with_its_country():
    assert str(CityFactory(name="Shenzhen", country="CN")) == "Shenzhen, China"


@pytest.mark.django_db
def test_it_separates_city_and_country_as_the_readers_language_does():
    city = CityFactory(name="Tripoli", country="LB")
    city.name_ar = "طرابلس"
    city.save()

    with translation.override("ar"):
        assert str(city) == "طرابلس، لبنان"
