"""Content in the six languages: pages, the API and digests read each field in the reader's
language, an untranslated field shows its original text marked with its own lang and dir, and
a page costs the same queries in every language."""

import pytest
from django.core import mail
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from clusters.models import Cluster
from notifications.models import DigestFrequency
from portal.demo.translations import CLUSTERS
from projects.models import ProjectCityRole
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ResourceFactory,
    SubscriptionFactory,
    UserFactory,
)
from tests.notifications.digest_helpers import during_week, freeze, run_digest

pytestmark = pytest.mark.django_db


def _url(name, language, **kwargs):
    """The page's address in `language` (with language prefixes, its prefixed one)."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def _get(client, name, language, **kwargs):
    return client.get(_url(name, language, **kwargs), HTTP_ACCEPT_LANGUAGE=language)


def _translate_seven_clusters():
    for cluster in Cluster.objects.filter(slug__in=CLUSTERS):
        for language, fields in CLUSTERS[cluster.slug].items():
            for field, text in fields.items():
                setattr(cluster, f"{field}_{language.replace('-', '_')}", text)
        cluster.save()


@pytest.fixture
def tripoli_shenzhen():
    tripoli = CityFactory(name="Tripoli", slug="tripoli", name_ar="طرابلس", name_fr="Tripoli")
    shenzhen = CityFactory(
        name="Shenzhen", slug="shenzhen", country="CN", name_ar="شنتشن", name_zh_hans="深圳"
    )
    pilot = ProjectFactory(
        title="Tripoli–Shenzhen disaster risk governance pilot",
        title_fr="Projet pilote Tripoli–Shenzhen de gouvernance des risques de catastrophe",
        title_ar="المشروع التجريبي بين طرابلس وشنتشن لحوكمة مخاطر الكوارث",
        summary="Two cities compare early warning.",
    )
    ProjectCityFactory(project=pilot, city=tripoli, role=ProjectCityRole.LEARNING)
    ProjectCityFactory(project=pilot, city=shenzhen, role=ProjectCityRole.SHARING)
    return pilot


def test_the_french_home_page_shows_the_seven_cluster_names_in_french(client):
    _translate_seven_clusters()

    page = _get(client, "portal:home", "fr").content.decode()

    for slug, languages in CLUSTERS.items():
        assert escape(languages["fr"]["name"]) in page, slug
    assert "Riposte à la COVID-19 et santé publique" in page


def test_the_arabic_pilot_page_names_tripoli_and_shenzhen_in_arabic(client, tripoli_shenzhen):
    page = _get(client, "projects:detail", "ar", slug=tripoli_shenzhen.slug).content.decode()

    assert "طرابلس" in page
    assert "شنتشن" in page
    assert "المشروع التجريبي بين طرابلس وشنتشن" in page
    # The summary has no Arabic yet: it is shown in English, marked as such, as a paragraph
    # that runs left to right (set flush right, an English sentence looked misplaced).
    assert '<p class="lead" lang="en" dir="ltr">Two cities compare early warning.</p>' in page


def test_the_api_answers_in_the_language_asked_for(client, tripoli_shenzhen):
    url = f"/api/v1/projects/{tripoli_shenzhen.slug}/"

    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").json()
    arabic = client.get(url, {"lang": "ar"}).json()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()

    assert french["title"].startswith("Projet pilote Tripoli–Shenzhen")
    assert arabic["title"].startswith("المشروع التجريبي")
    assert english["title"] == "Tripoli–Shenzhen disaster risk governance pilot"
    # No French summary yet: the original English comes back rather than nothing.
    assert french["summary"] == "Two cities compare early warning."


def test_the_api_list_answers_french_cluster_names(client):
    _translate_seven_clusters()

    names = {
        c["slug"]: c["name"] for c in client.get("/api/v1/clusters/?lang=fr").json()["results"]
    }

    for slug, languages in CLUSTERS.items():
        assert names[slug] == languages["fr"]["name"]


def test_an_arabic_readers_digest_is_in_arabic_content_included(
    django_capture_on_commit_callbacks, time_machine, tripoli_shenzhen
):
    freeze(time_machine)
    reader = UserFactory(preferred_language="ar", digest_frequency=DigestFrequency.WEEKLY)
    english_reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    cluster = ClusterMembershipFactory(city=tripoli_shenzhen.cities.first()).cluster
    cluster.name_ar = "الحد من مخاطر الكوارث"
    cluster.save()
    SubscriptionFactory(user=reader, cluster=cluster)
    SubscriptionFactory(user=english_reader, cluster=cluster)
    tripoli_shenzhen.published_at = during_week()
    tripoli_shenzhen.save()
    tripoli_shenzhen.clusters.add(cluster)

    run_digest(django_capture_on_commit_callbacks)

    messages = {message.to[0]: message for message in mail.outbox}
    arabic = messages[reader.email]
    html = arabic.alternatives[0][0]
    assert 'dir="rtl"' in html
    assert "المشروع التجريبي بين طرابلس وشنتشن لحوكمة مخاطر الكوارث" in html
    assert "المشروع التجريبي بين طرابلس وشنتشن لحوكمة مخاطر الكوارث" in arabic.body
    assert "الحد من مخاطر الكوارث" in html
    english = messages[english_reader.email]
    assert "Tripoli–Shenzhen disaster risk governance pilot" in english.body
    assert "المشروع" not in english.body


# --- The honest fallback --------------------------------------------------------------------------


def _render(source, **context):
    return Template("{% load content_language %}" + source).render(Context(context))


def test_a_translated_field_comes_plain_and_a_missing_one_in_its_own_language():
    pilot = ProjectFactory(title="Flood drill", title_fr="Exercice d'inondation", body="**Plan**")

    with translation.override("fr"):
        assert _render('{{ p|tr:"title" }}', p=pilot) == "Exercice d&#x27;inondation"
        assert _render('{{ p|tr_markdown:"body" }}', p=pilot) == (
            '<div lang="en" dir="ltr"><p dir="auto"><strong>Plan</strong></p></div>'
        )
    with translation.override("ar"):
        assert _render('{{ p|tr:"title" }}', p=pilot) == (
            '<span lang="en" dir="ltr">Flood drill</span>'
        )
    with translation.override("en"):
        assert _render('{{ p|tr:"title" }}', p=pilot) == "Flood drill"


def test_an_arabic_original_is_marked_right_to_left_on_an_english_page():
    with translation.override("ar"):  # written by an Arabic-speaking official
        city = CityFactory(name="طرابلس", original_language="ar")
    assert city.name_en is None

    with translation.override("en"):
        assert _render('{{ c|tr:"name" }}', c=city) == '<span lang="ar" dir="rtl">طرابلس</span>'


def test_the_fallback_escapes_the_text():
    pilot = ProjectFactory(title="<script>x</script>")

    with translation.override("fr"):
        assert "<script>" not in _render('{{ p|tr:"title" }}', p=pilot)


def test_the_original_language_keeps_the_search_column_whatever_the_editors_language():
    pilot = ProjectFactory(title="Drill")

    with translation.override("fr"):
        pilot.title = "Exercice"
        pilot.save()

    pilot.refresh_from_db()
    assert (pilot.title_en, pilot.title_fr) == ("Drill", "Exercice")
    row = type(pilot).objects.filter(pk=pilot.pk).values_list("title", flat=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT title FROM projects_project WHERE id = %s", [pilot.pk])
        assert cursor.fetchone()[0] == "Drill"
    assert list(row) == ["Drill"]


# --- Same queries in every language ---------------------------------------------------------------


def _main_pages(tripoli_shenzhen):
    city = tripoli_shenzhen.cities.first()
    cluster = ClusterMembershipFactory(city=city).cluster
    tripoli_shenzhen.clusters.add(cluster)
    event = EventFactory(city=city)
    resource = ResourceFactory()
    return [
        ("portal:home", {}),
        ("clusters:list", {}),
        ("clusters:detail", {"slug": cluster.slug}),
        ("cities:list", {}),
        ("cities:detail", {"slug": city.slug}),
        ("projects:list", {}),
        ("projects:detail", {"slug": tripoli_shenzhen.slug}),
        ("events:detail", {"slug": event.slug}),
        ("resources:detail", {"slug": resource.slug}),
    ]


def test_each_main_page_costs_the_same_queries_in_english_french_and_arabic(
    client, settings, tripoli_shenzhen
):
    settings.PAGE_CACHE_SECONDS = 0
    for name, kwargs in _main_pages(tripoli_shenzhen):
        counts = {}
        for language in ("en", "fr", "ar"):
            _get(client, name, language, **kwargs)  # warm the per-process caches
            with CaptureQueriesContext(connection) as queries:
                response = _get(client, name, language, **kwargs)
            assert response.status_code == 200, (name, language)
            counts[language] = len(queries)
        assert len(set(counts.values())) == 1, (name, counts)


def test_the_pilot_list_costs_the_same_in_every_language_at_two_list_sizes(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    counts = {}
    for size in (2, 7):
        while ProjectFactory._meta.model.objects.count() < size:
            ProjectFactory(title_fr="Projet")
        for language in ("en", "fr", "ar"):
            _get(client, "projects:list", language)
            with CaptureQueriesContext(connection) as queries:
                _get(client, "projects:list", language)
            counts[(size, language)] = len(queries)
    assert len(set(counts.values())) == 1, counts


def test_a_citys_hazards_are_named_in_the_readers_language(client):
    city = CityFactory()
    city.hazards.add("flood", "earthquake", "locust swarm")

    french = _get(client, "cities:detail", "fr", slug=city.slug).content.decode()
    chinese = _get(client, "cities:detail", "zh-hans", slug=city.slug).content.decode()

    assert "<li>inondation</li>" in french and "<li>séisme</li>" in french
    assert "<li>洪水</li>" in chinese
    assert "<li>locust swarm</li>" in french  # a hazard with no label shows as typed


def test_a_citys_hazards_are_in_the_order_of_their_labels_and_a_city_with_none_has_none(client):
    city = CityFactory()
    city.hazards.add("flood", "earthquake", "drought")
    calm = CityFactory()

    english = _get(client, "cities:detail", "en", slug=city.slug).content.decode()
    french = _get(client, "cities:detail", "fr", slug=city.slug).content.decode()
    calm_page = _get(client, "cities:detail", "en", slug=calm.slug).content.decode()

    def order(page, labels):
        return [page.index(f"<li>{label}</li>") for label in labels]

    assert order(english, ["drought", "earthquake", "flood"]) == sorted(
        order(english, ["drought", "earthquake", "flood"])
    )
    assert order(french, ["inondation", "sécheresse", "séisme"]) == sorted(
        order(french, ["inondation", "sécheresse", "séisme"])
    )
    assert 'id="hazards-heading"' in english and 'id="hazards-heading"' not in calm_page


def test_a_resource_page_names_its_language_rather_than_a_code(client):
    resource = ResourceFactory(language="fr")
    address = resource.get_absolute_url()

    english = client.get(address).content.decode()
    arabic = client.get(f"/ar{address}").content.decode()

    assert "<dd>French</dd>" in english
    assert "<dd>الفرنسية</dd>" in arabic
