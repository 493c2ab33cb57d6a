"""Who may write a city's needs and offers: its own officials and UN staff, nobody else."""

import pytest
from django.urls import reverse

from cities.models import CityNeed, CityOffer
from tests.factories import CityOfficialFactory, PartnerFactory, StaffUserFactory

EXPECTED = {
    "anonymous": 302,
    "official_here": 302,
    "official_elsewhere": 403,
    "partner": 403,
    "other_partner": 403,
    "staff": 302,
}


def _user(role, world):
    return {
        "anonymous": lambda: None,
        "official_here": lambda: world.official,
        "official_elsewhere": CityOfficialFactory,
        "partner": PartnerFactory,
        "other_partner": PartnerFactory,
        "staff": StaffUserFactory,
    }[role]()


def _rows(world):
    return {
        "summary": "A port city.",
        "latitude": "34.43670",
        "longitude": "35.84970",
        "needs-TOTAL_FORMS": "1",
        "needs-INITIAL_FORMS": "0",
        "needs-0-topic": str(world.building_codes.pk),
        "needs-0-note": "Retrofitting schools.",
        "offers-TOTAL_FORMS": "1",
        "offers-INITIAL_FORMS": "0",
        "offers-0-topic": str(world.governance.pk),
        "offers-0-contact_role": "Mayor's office",
    }


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_only_the_citys_officials_and_staff_write_its_needs_and_offers(client, world, role):
    user = _user(role, world)
    if user is not None:
        client.force_login(user)

    response = client.post(reverse("cities:edit", kwargs={"slug": "tripoli"}), _rows(world))

    assert response.status_code == EXPECTED[role]
    saved = role in {"official_here", "staff"}
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    assert set(world.tripoli.needs.values_list("topic__slug", flat=True)) == (
        {"building-codes"} if saved else {"early-warning-systems", "risk-governance"}
    )
    assert CityOffer.objects.filter(city=world.tripoli, topic=world.governance).exists() == saved


def test_the_same_topic_twice_in_a_list_is_refused_with_a_message(client, world):
    client.force_login(world.official)
    data = {
        **_rows(world),
        "needs-TOTAL_FORMS": "2",
        "needs-1-topic": str(world.building_codes.pk),
    }

    response = client.post(reverse("cities:edit", kwargs={"slug": "tripoli"}), data)

    assert response.status_code == 400
    assert "Two rows have the same topic; keep one of them." in response.content.decode()
    assert CityNeed.objects.filter(city=world.tripoli).count() == 2


def test_the_duplicate_topic_is_named_in_the_pages_language(client, world):
    client.force_login(world.official)
    data = {
        **_rows(world),
        "needs-TOTAL_FORMS": "2",
        "needs-1-topic": str(world.building_codes.pk),
    }

    response = client.post("/ar" + reverse("cities:edit", kwargs={"slug": "tripoli"}), data)

    # Django said "رجاء صحّح بيانات topic المتكررة": the field's code name, in English.
    html = response.content.decode()
    assert "لهما القيمة نفسها في «موضوع»؛ أبقِ أحدهما فقط." in html
    assert "بيانات topic" not in html


def test_the_edit_page_lists_topics_under_their_cluster(client, world):
    client.force_login(world.official)

    page = client.get(reverse("cities:edit", kwargs={"slug": "tripoli"})).content.decode()

    assert '<optgroup label="Disaster Risk Reduction and Mitigation in Resilient Cities">' in page
    assert "What the city needs" in page and "What the city offers" in page
