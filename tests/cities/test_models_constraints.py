from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from cities.models import City, Region


def make_city(**overrides):
    fields = {
        "name": "Tripoli",
        "slug": overrides.get("slug", "tripoli"),
        "country": "LB",
        "region": Region.ARAB_STATES,
        "latitude": Decimal("34.43670"),
        "longitude": Decimal("35.84970"),
    }
    fields.update(overrides)
    return City.objects.create(**fields)


@pytest.mark.django_db
@pytest.mark.parametrize("latitude", [Decimal("90.00001"), Decimal("-90.5"), Decimal("120")])
def test_it_refuses_a_latitude_off_the_globe(latitude):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_city(latitude=latitude)


@pytest.mark.django_db
@pytest.mark.parametrize("longitude", [Decimal("180.00001"), Decimal("-181"), Decimal("200")])
def test_it_refuses_a_longitude_off_the_globe(longitude):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_city(longitude=longitude)


@pytest.mark.django_db
def test_it_accepts_the_edges_of_the_globe():
    make_city(latitude=Decimal("-90"), longitude=Decimal("180"))

    assert City.objects.count() == 1


@pytest.mark.django_db
def test_it_refuses_the_same_city_name_twice_in_one_country():
    make_city(slug="tripoli")

    with pytest.raises(IntegrityError), transaction.atomic():
        make_city(slug="tripoli-2")


@pytest.mark.django_db
def test_it_accepts_the_same_city_name_in_two_countries():
    make_city(slug="tripoli-lebanon", country="LB")
    make_city(slug="tripoli-libya", country="LY", region=Region.AFRICA)

    assert City.objects.filter(name="Tripoli").count() == 2
