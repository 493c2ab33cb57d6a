"""The profile page: details the person edits, what staff granted (read-only), what they follow."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from accounts.forms import COMMON_TIME_ZONES
from notifications.models import DigestFrequency, Subscription
from tests.factories import (
    CityFactory,
    ClusterFactory,
    OrganizationFactory,
    ProjectFactory,
    SubscriptionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROFILE = "/accounts/profile/"


def details(**overrides):
    return {
        "name": "Rania Khoury",
        "preferred_language": "en",
        "time_zone": "Asia/Beirut",
        "digest_frequency": "daily",
        **overrides,
    }


@pytest.fixture
def user():
    return UserFactory(name="Rania", time_zone="UTC", digest_frequency=DigestFrequency.WEEKLY)


def test_it_sends_an_anonymous_visitor_to_sign_in(client):
    response = client.get(PROFILE)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/profile/"


def test_it_saves_name_time_zone_and_digest(client, user):
    client.force_login(user)

    response = client.post(PROFILE, details())

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.name, user.time_zone, user.digest_frequency) == (
        "Rania Khoury",
        "Asia/Beirut",
        "daily",
    )


def test_it_refuses_an_unknown_time_zone(client, user):
    client.force_login(user)

    response = client.post(PROFILE, details(time_zone="Mars/Olympus_Mons"))

    assert response.status_code == 200
    assert "is not a time zone we know" in response.context["form"].errors["time_zone"][0]
    user.refresh_from_db()
    assert user.time_zone == "UTC"
    assert user.name == "Rania"


def test_it_saves_the_language_and_speaks_it_from_the_next_page(client, user):
    client.force_login(user)

    response = client.post(PROFILE, details(preferred_language="fr"))

    user.refresh_from_db()
    assert user.preferred_language == "fr"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    # The next page is the profile at its French address.
    assert response["Location"] == "/fr/accounts/profile/"
    page = client.get(response["Location"]).content.decode()
    assert page.startswith("<!doctype html>")
    assert '<html lang="fr"' in page


def test_a_save_that_keeps_the_language_stays_on_the_pages_language(client):
    # An official who prefers Arabic, reading the English pages, saves a new time zone: the
    # next page is the English profile, not the Arabic one.
    user = UserFactory(preferred_language="ar", time_zone="UTC")
    client.force_login(user)

    response = client.post(PROFILE, details(preferred_language="ar"))

    assert response["Location"] == "/accounts/profile/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    user.refresh_from_db()
    assert user.time_zone == "Asia/Beirut"
    page = client.get(response["Location"]).content.decode()
    assert '<html lang="en"' in page
    assert "Your profile was saved." in page


def test_it_refuses_a_language_the_site_does_not_speak(client, user):
    client.force_login(user)

    response = client.post(PROFILE, details(preferred_language="xx"))

    assert "preferred_language" in response.context["form"].errors


def test_it_shows_roles_city_and_organization_but_does_not_let_them_be_edited(client):
    city = CityFactory(name="Tripoli")
    organization = OrganizationFactory(name="Urban Resilience Network")
    user = UserFactory(city=city, organization=organization, roles=["City official"])
    client.force_login(user)

    page = client.get(PROFILE).content.decode()
    assert "Tripoli" in page and "Urban Resilience Network" in page and "City official" in page

    client.post(PROFILE, {**details(), "city": CityFactory().pk, "organization": ""})
    user.refresh_from_db()
    assert user.city == city and user.organization == organization


def test_it_names_the_roles_in_the_readers_language(client):
    user = UserFactory(roles=["UN staff", "Partner"], preferred_language="ar")
    client.force_login(user)

    page = client.get("/ar" + PROFILE).content.decode()

    assert "موظفو الأمم المتحدة، شريك" in page or "موظفو الأمم المتحدة, شريك" in page
    assert "UN staff" not in page.split('id="profile-roles"')[1].split("</dl>")[0]


def test_it_lists_what_the_person_follows_with_a_working_unfollow_button(client, user):
    cluster = ClusterFactory(name="Waste and renewable energy")
    city = CityFactory(name="Shenzhen")
    project = ProjectFactory(title="Tripoli–Shenzhen pilot")
    for target in ({"cluster": cluster}, {"city": city}, {"project": project}):
        SubscriptionFactory(user=user, **{"cluster": None, **target})
    SubscriptionFactory(cluster=None, city=CityFactory(name="Somebody else's city"))
    client.force_login(user)

    page = client.get(PROFILE).content.decode()
    assert "Waste and renewable energy" in page and "Shenzhen" in page
    assert "Tripoli–Shenzhen pilot" in page
    assert "Somebody else" not in page
    assert 'action="/unfollow/"' in page

    response = client.post(
        "/unfollow/", {"target_type": "city", "slug": city.slug, "next": PROFILE}
    )
    assert response["Location"] == PROFILE
    assert not Subscription.objects.filter(user=user, city=city).exists()
    assert Subscription.objects.filter(user=user).count() == 2


def test_it_links_the_api_token_page_role_requests_and_account_deletion(client, user):
    client.force_login(user)

    page = client.get(PROFILE).content.decode()

    assert 'href="/api/tokens/"' in page
    assert 'href="/accounts/profile/role-request/"' in page
    assert 'href="/accounts/profile/delete/"' in page
    assert 'href="/accounts/role-requests/"' not in page


def test_it_never_lets_a_shared_cache_keep_the_page(client, user):
    client.force_login(user)

    response = client.get(PROFILE)

    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("zone", COMMON_TIME_ZONES)
def test_every_zone_the_list_offers_is_accepted(client, user, zone):
    client.force_login(user)

    response = client.post(PROFILE, details(time_zone=zone))

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == zone


def test_a_city_typed_in_the_readers_language_is_saved_as_its_zone(client, user):
    client.force_login(user)

    response = client.post("/fr" + PROFILE, details(preferred_language="fr", time_zone="Beyrouth"))

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "Asia/Beirut"


def test_an_unknown_city_keeps_what_was_typed_and_says_how_to_fix_it(client, user):
    client.force_login(user)

    response = client.post(PROFILE, details(time_zone="Atlantis"))

    assert response.status_code == 200
    error = response.context["form"].errors["time_zone"][0]
    assert error == (
        "“Atlantis” is not a time zone we know. Pick one from the list, or type your city or "
        "country."
    )
    assert 'value="Atlantis"' in response.content.decode()


def test_the_list_names_each_zone_by_its_city_in_the_readers_language(client, user):
    client.force_login(user)

    page = client.get("/ar" + PROFILE).content.decode()

    assert '<option value="بيروت، \u2066UTC+' in page
    assert ' (Asia/Beirut)"></option>' in page


def test_the_box_shows_the_saved_zone_by_name_and_saves_it_back_unchanged(client, user):
    user.time_zone = "Asia/Beirut"
    user.save()
    client.force_login(user)

    page = client.get("/fr" + PROFILE).content.decode()
    shown = re.search(r'name="time_zone" value="([^"]*)"', page).group(1)
    response = client.post("/fr" + PROFILE, details(preferred_language="fr", time_zone=shown))

    # The offset keeps its left-to-right marks, as everywhere a zone is named.
    assert shown.startswith("Beyrouth, \u2066UTC+") and shown.endswith("\u2069 (Asia/Beirut)")
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "Asia/Beirut"


def test_a_member_city_is_saved_as_its_own_countrys_zone_not_a_namesake_zone(client, user):
    # Africa/Tripoli is Libya's zone, an hour away from Tripoli in Lebanon, a member city.
    CityFactory(name="Tripoli", name_ar="طرابلس", country="LB", latitude="34.4367")
    client.force_login(user)

    response = client.post("/ar" + PROFILE, details(preferred_language="ar", time_zone="طرابلس"))

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "Asia/Beirut"


def test_a_member_city_in_a_country_of_several_zones_gets_the_nearest(client, user):
    CityFactory(name="Curitiba", country="BR", latitude="-25.42840", longitude="-49.27330")
    client.force_login(user)

    client.post(PROFILE, details(time_zone="curitiba"))

    user.refresh_from_db()
    assert user.time_zone == "America/Sao_Paulo"


def test_a_country_of_several_zones_names_them_and_keeps_what_was_typed(client, user):
    client.force_login(user)

    response = client.post("/fr" + PROFILE, details(preferred_language="fr", time_zone="Chine"))

    assert response.status_code == 200
    assert response.context["form"].errors["time_zone"] == [
        "« Chine » a plusieurs fuseaux horaires. Tapez la ville la plus proche de chez vous parmi "
        "Shanghai et Ürümqi, ou choisissez votre fuseau dans la liste."
    ]
    assert 'value="Chine"' in response.content.decode()
    user.refresh_from_db()
    assert user.time_zone == "UTC"


@pytest.mark.parametrize("typed", ["America", "Brazil", "Etc"])
def test_a_folder_of_the_time_zone_database_is_an_answer_not_a_server_error(client, user, typed):
    # ZoneInfo("Brazil") opens the database's folder of that name and fails with an OSError.
    client.force_login(user)

    response = client.post(PROFILE, details(time_zone=typed))

    assert response.status_code == 200
    assert response.context["form"].errors["time_zone"]
    user.refresh_from_db()
    assert user.time_zone == "UTC"


def test_a_saved_zone_is_checked_wherever_it_is_saved(user):
    user.time_zone = "Brazil"

    with pytest.raises(ValidationError) as refused:
        user.full_clean()

    assert refused.value.message_dict["time_zone"] == ["Brazil is not a known time zone."]


@pytest.mark.parametrize(
    ("saved", "shown"),
    [
        ("Asia/Calcutta", "Kolkata, \u2066UTC+5:30\u2069 (Asia/Calcutta)"),
        # Not the database's "Etc/GMT-3", whose sign reads the other way round.
        ("Etc/GMT-3", "\u2066UTC+3\u2069"),
    ],
)
def test_an_old_zone_name_or_an_offset_is_shown_readably_and_saves_unchanged(
    client, user, saved, shown
):
    user.time_zone = saved
    user.save()
    client.force_login(user)

    page = client.get(PROFILE).content.decode()
    box = re.search(r'name="time_zone" value="([^"]*)"', page).group(1)
    client.post(PROFILE, details(time_zone=box))

    assert box == shown
    user.refresh_from_db()
    assert user.time_zone == saved


@pytest.mark.parametrize(
    ("language", "typed", "zone"),
    [
        # A country of one zone, named in the page's language or another.
        ("fr", "Inde", "Asia/Kolkata"),
        ("ar", "لبنان", "Asia/Beirut"),
        ("en", "nepal", "Asia/Kathmandu"),
        # A place within its country.
        ("en", "Tripoli, Libya", "Africa/Tripoli"),
        ("en", "Tripoli, Lebanon", "Asia/Beirut"),
        ("ar", "طرابلس، ليبيا", "Africa/Tripoli"),
        ("en", "Mumbai, India", "Asia/Kolkata"),
        # A fixed offset.
        ("en", "UTC+3", "Etc/GMT-3"),
        ("en", "utc\u22125", "Etc/GMT+5"),
        ("en", "GMT", "UTC"),
        # An old name of a zone, saved under its name of today: "Egypt" is both a country and
        # an old name of Cairo's zone, and each city has one key saved.
        ("en", "Egypt", "Africa/Cairo"),
        ("en", "Japan", "Asia/Tokyo"),
        ("en", "Asia/Calcutta", "Asia/Kolkata"),
    ],
)
def test_a_place_as_a_person_types_it_is_saved_as_its_zone(client, user, language, typed, zone):
    CityFactory(name="Tripoli", name_ar="طرابلس", country="LB", latitude="34.4367")
    client.force_login(user)
    prefix = "" if language == "en" else f"/{language}"

    response = client.post(prefix + PROFILE, details(preferred_language=language, time_zone=typed))

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == zone
