import pytest

from tests.factories import CityFactory


@pytest.mark.django_db
def test_it_names_a_city_with_its_country():
    assert str(CityFactory(name="Shenzhen", country="CN")) == "Shenzhen, China"
