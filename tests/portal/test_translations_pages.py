"""Pages speak the visitor's language: navigation, headings and counts in French, Spanish and Arabic
(Arabic laid out right to left), with the Chinese and Russian catalogues covering the navigation."""

import pytest

from clusters.models import Cluster
from tests.factories import CityFactory, ClusterMembershipFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db

EXPECTED = {
    "fr": {
        "dir": "ltr",
        "nav": ["Pôles", "Villes", "Projets pilotes", "Événements", "Partenaires", "Carte"],
        "home_heading": "Des villes des pays du Sud qui apprennent les unes des autres",
        "cluster_headings": ["Villes membres", "Événements et formations à venir"],
        "events_heading": "Événements et formations",
        "two_events": "2 événements",
        "skip_link": "Aller au contenu",
    },
    "es": {
        "dir": "ltr",
        "nav": ["Clústeres", "Ciudades", "Proyectos piloto", "Eventos", "Socios", "Mapa"],
        "home_heading": "Ciudades del Sur Global que aprenden unas de otras",
        "cluster_headings": ["Ciudades miembro", "Próximos eventos y formaciones"],
        "events_heading": "Eventos y formaciones",
        "two_events": "2 eventos",
        "skip_link": "Saltar al contenido",
    },
    "ar": {
        "dir": "rtl",
        "nav": ["المجموعات", "المدن", "المشاريع التجريبية", "الفعاليات", "الشركاء", "الخريطة"],
        "home_heading": "مدن من بلدان الجنوب تتعلم من بعضها",
        "cluster_headings": ["المدن الأعضاء", "الفعاليات والتدريبات القادمة"],
        "events_heading": "الفعاليات والتدريبات",
        # Arabic has a dual: two events are "فعاليتان", not "2 فعاليات".
        "two_events": "فعاليتان",
        "skip_link": "الانتقال إلى المحتوى",
    },
}


def choose_language(client, code, path="/"):
    """Choose `code` with the language switcher on `path`; returns the page it lands on."""
    response = client.post("/i18n/setlang/", {"language": code, "next": path})
    assert response.status_code == 302
    return client.get(response["Location"])


@pytest.fixture
def cluster_with_events():
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")
    ClusterMembershipFactory(cluster=cluster, city=CityFactory(name="Tripoli"))
    for event in EventFactory.create_batch(2):
        event.clusters.add(cluster)
    return cluster


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_it_shows_the_home_page_in_the_chosen_language(client, code):
    expected = EXPECTED[code]
    page = choose_language(client, code, "/").text

    assert f'<html lang="{code}" dir="{expected["dir"]}">' in page
    for label in expected["nav"]:
        assert f">{label}</a>" in page
    assert f"<h1>{expected['home_heading']}</h1>" in page
    assert expected["skip_link"] in page
    assert ">Clusters</a>" not in page


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_it_shows_a_cluster_space_in_the_chosen_language(client, code, cluster_with_events):
    expected = EXPECTED[code]
    page = choose_language(client, code, cluster_with_events.get_absolute_url()).text

    assert f'dir="{expected["dir"]}"' in page
    for heading in expected["cluster_headings"]:
        assert heading in page
    assert "Member cities" not in page


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_it_lists_events_in_the_chosen_language_with_its_plural_rules(
    client, code, cluster_with_events
):
    expected = EXPECTED[code]
    page = choose_language(client, code, "/events/").text

    assert f"<h1>{expected['events_heading']}</h1>" in page
    assert expected["two_events"] in page
    assert "2 events" not in page


def test_it_lays_arabic_pages_out_right_to_left_and_others_left_to_right(client):
    assert '<html lang="ar" dir="rtl">' in choose_language(client, "ar", "/events/").text

    assert '<html lang="fr" dir="ltr">' in choose_language(client, "fr", "/events/").text


@pytest.mark.parametrize(
    ("code", "clusters", "events"),
    [("zh-hans", "集群", "活动"), ("ru", "Кластеры", "Мероприятия")],
)
def test_it_shows_the_started_chinese_and_russian_navigation(client, code, clusters, events):
    page = choose_language(client, code, "/").text

    assert f'<html lang="{code}" dir="ltr">' in page
    assert f">{clusters}</a>" in page
    assert f">{events}</a>" in page


def test_it_speaks_the_language_saved_in_the_profile(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/accounts/profile/",
        {
            "name": "Amal",
            "preferred_language": "ar",
            "time_zone": "Asia/Beirut",
            "digest_frequency": user.digest_frequency,
        },
        follow=True,
    )

    assert '<html lang="ar" dir="rtl">' in response.text
    assert "تم حفظ ملفك الشخصي." in response.text
