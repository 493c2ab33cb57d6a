"""The public statistics: right figures on published content, the same in CSV and API, cached
until a publication, at a fixed number of queries."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation

from cities.models import Region
from clusters.models import Cluster
from core.models import PublicationStatus
from core.page_cache import content_changed
from events.models import EventKind, RegistrationStatus
from portal import statistics
from portal.models import StatisticsSummary
from portal.statistics import (
    CACHE_SECONDS,
    COUNTING_QUERIES,
    statistics_charts,
    statistics_figures,
    statistics_totals,
)
from projects.models import CollaborationStatus, ProjectPhase
from projects.services import project_publish, project_unpublish
from tests.factories import (
    CertificateFactory,
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    CollaborationRequestFactory,
    EventFactory,
    OrganizationFactory,
    ProjectFactory,
    RegistrationFactory,
    StaffUserFactory,
    TrainingSeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def _at(year: int) -> dt.datetime:
    return dt.datetime(year, 5, 10, 9, tzinfo=dt.UTC)


@pytest.fixture
def content():
    """Published content counted, and a draft (or inactive) twin of each that must not be."""
    Cluster.objects.all().delete()  # the seven seeded clusters: the rows here are the test's
    water = ClusterFactory(name="Water", order=1)
    drr = ClusterFactory(name="Disaster risk reduction", order=2)
    retired = ClusterFactory(name="Retired", order=3, is_active=False)
    tripoli = CityFactory(name="Tripoli", country="LB", region=Region.ARAB_STATES)
    beirut = CityFactory(name="Beirut", country="LB", region=Region.ARAB_STATES)
    shenzhen = CityFactory(name="Shenzhen", country="CN", region=Region.ASIA_PACIFIC)
    lonely = CityFactory(name="Lonely", country="BR", region=Region.LATIN_AMERICA_CARIBBEAN)
    for city in (tripoli, beirut):
        ClusterMembershipFactory(city=city, cluster=drr)
    ClusterMembershipFactory(city=tripoli, cluster=water)  # a city in two clusters counts once
    ClusterMembershipFactory(city=shenzhen, cluster=water)
    ClusterMembershipFactory(city=lonely, cluster=retired)  # an inactive cluster: not a member

    active = ProjectFactory(phase=ProjectPhase.ACTIVE)
    active.clusters.set([drr, water])
    ProjectFactory(phase=ProjectPhase.COMPLETED).clusters.set([drr])
    ProjectFactory(phase=ProjectPhase.PLANNED)  # no cluster
    ProjectFactory(phase=ProjectPhase.PLANNED).clusters.set([retired])  # only an inactive one
    draft = ProjectFactory(
        phase=ProjectPhase.ACTIVE, status=PublicationStatus.DRAFT, published_at=None
    )
    draft.clusters.set([drr])
    ProjectFactory(  # scheduled: not public yet
        phase=ProjectPhase.ACTIVE, published_at=timezone.now() + dt.timedelta(days=3)
    ).clusters.set([drr])

    series = TrainingSeriesFactory()
    draft_series = TrainingSeriesFactory(status=PublicationStatus.DRAFT, published_at=None)
    amal = UserFactory(city=tripoli)
    li = UserFactory(organization=OrganizationFactory(country="CN"))
    nobody = UserFactory()
    training_2022 = EventFactory(kind=EventKind.TRAINING_SESSION, starts_at=_at(2022))
    session_2023 = EventFactory(series=series, starts_at=_at(2023))
    workshop_2023 = EventFactory(kind=EventKind.WORKSHOP, starts_at=_at(2023))
    webinar = EventFactory(kind=EventKind.WEBINAR, starts_at=_at(2023))  # not a training
    draft_training = EventFactory(
        kind=EventKind.TRAINING_SESSION,
        starts_at=_at(2023),
        status=PublicationStatus.DRAFT,
        published_at=None,
    )
    attended = RegistrationStatus.ATTENDED
    RegistrationFactory(event=training_2022, user=amal, status=attended)
    RegistrationFactory(event=session_2023, user=amal, status=attended)
    RegistrationFactory(event=workshop_2023, user=amal, status=attended)
    RegistrationFactory(event=session_2023, user=li, status=attended)
    RegistrationFactory(event=workshop_2023, user=nobody, status=RegistrationStatus.REGISTERED)
    RegistrationFactory(event=webinar, user=nobody, status=attended)
    RegistrationFactory(event=draft_training, user=nobody, status=attended)

    CertificateFactory(series=series, user=amal, issued_on=dt.date(2023, 12, 1))
    CertificateFactory(series=series, user=li, issued_on=dt.date(2024, 1, 15))
    CertificateFactory(series=draft_series, user=nobody)

    for status in (
        CollaborationStatus.ACCEPTED,
        CollaborationStatus.ACCEPTED,
        CollaborationStatus.DECLINED,
        CollaborationStatus.SUBMITTED,
        CollaborationStatus.UNDER_REVIEW,
    ):
        CollaborationRequestFactory(status=status, project=active)
    return {"drr": drr, "water": water, "draft": draft}


def _charts():
    return {chart.slug: chart for chart in statistics_charts(statistics_figures())}


def _rows(chart):
    return {row.label: row.values for row in chart.rows}


def test_it_counts_published_content_only(content):
    charts = _charts()
    totals = statistics_totals(statistics_figures())

    assert _rows(charts["cities-by-region"]) == {
        "Africa": (0,),
        "Arab States": (2,),
        "Asia and the Pacific": (1,),
        "Europe and Central Asia": (0,),
        "Latin America and the Caribbean": (0,),
    }
    assert [(row.label, row.values) for row in charts["cities-by-country"].rows] == [
        ("Lebanon", (2,)),
        ("China", (1,)),
    ]
    # planned, active, completed; the draft and the scheduled pilot are not there.
    assert _rows(charts["pilots-by-cluster"]) == {
        "Water": (0, 1, 0),
        "Disaster risk reduction": (0, 1, 1),
        "No cluster": (2, 0, 0),
    }
    assert "Retired" not in _rows(charts["pilots-by-cluster"])
    # 2022: one training, Amal; 2023: a series session and a workshop (not the webinar, not the
    # draft), Amal and Li attended.
    assert _rows(charts["trainings-by-year"]) == {"2022": (1, 1), "2023": (2, 2)}
    assert _rows(charts["participants-by-country"]) == {"Lebanon": (1,), "China": (1,)}
    assert _rows(charts["requests-by-outcome"]) == {
        "Accepted": (2,),
        "Declined": (1,),
        "Withdrawn": (0,),
        "Awaiting a decision": (2,),
    }
    assert _rows(charts["certificates-by-year"]) == {"2023": (1,), "2024": (1,)}
    assert (
        totals.member_cities,
        totals.countries,
        totals.pilots,
        totals.trainings,
        totals.participants,
        totals.certificates,
        totals.collaboration_requests,
    ) == (3, 2, 4, 3, 2, 2, 5)


def test_a_pilot_also_in_an_inactive_cluster_counts_only_in_its_active_one():
    Cluster.objects.all().delete()
    water = ClusterFactory(name="Water", order=1)
    ClusterFactory(name="Empty", order=2)
    retired = ClusterFactory(name="Retired", order=3, is_active=False)
    ProjectFactory(phase=ProjectPhase.ACTIVE).clusters.set([water, retired])
    ProjectFactory(phase=ProjectPhase.COMPLETED).clusters.set([retired])

    pilots = {chart.slug: chart for chart in statistics_charts(statistics_figures())}[
        "pilots-by-cluster"
    ]

    # In cluster order, an active cluster without pilots included; the pilot that is also in the
    # retired cluster is not "in no cluster", the one only in the retired cluster is.
    assert [(row.label, row.values) for row in pilots.rows] == [
        ("Water", (0, 1, 0)),
        ("Empty", (0, 0, 0)),
        ("No cluster", (0, 0, 1)),
    ]
    assert statistics_totals(statistics_figures()).pilots == 2


def test_the_page_shows_the_figures_with_a_table_for_screen_readers(content, client):
    html = client.get("/statistics/").content.decode()

    assert 'id="total-member-cities">3<' in html
    assert 'id="total-pilots">4<' in html
    assert html.count('class="chart-svg"') == 7
    # The drawing is hidden from screen readers; its table, visually hidden, takes its place.
    assert html.count('aria-hidden="true" focusable="false" direction="ltr"') == 7
    assert '<div class="visually-hidden"><table id="chart-cities-by-country-table">' in html
    assert '<th scope="row">Lebanon</th><td>2</td>' in html
    assert 'href="/statistics/cities-by-country.csv"' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_page_is_linked_from_the_footer_and_the_sitemap(client):
    assert 'href="/statistics/"' in client.get("/").content.decode()
    assert "/statistics/</loc>" in client.get("/sitemap.xml").content.decode()


def test_the_csv_has_a_header_and_the_page_figures(content, client):
    response = client.get("/statistics/pilots-by-cluster.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Cluster", "Planned", "Active", "Completed"]
    assert rows[1:] == [
        ["Water", "0", "1", "0"],
        ["Disaster risk reduction", "0", "1", "1"],
        ["No cluster", "2", "0", "0"],
    ]


def test_an_unknown_chart_is_a_404(client):
    assert client.get("/statistics/nothing-here.csv").status_code == 404


def test_the_csv_keeps_a_formula_from_running(client):
    Cluster.objects.all().delete()
    ClusterFactory(name="=HYPERLINK(1)").projects.add(ProjectFactory())

    text = client.get("/statistics/pilots-by-cluster.csv").content.decode("utf-8-sig")

    assert "'=HYPERLINK(1)" in text


def test_the_api_gives_the_same_figures(content, client):
    data = client.get("/api/v1/statistics/").json()

    assert data["totals"]["member_cities"] == 3
    assert data["totals"]["participants"] == 2
    charts = {chart["slug"]: chart for chart in data["charts"]}
    assert list(charts) == [chart.slug for chart in statistics_charts(statistics_figures())]
    pilots = charts["pilots-by-cluster"]
    assert [s["key"] for s in pilots["series"]] == ["planned", "active", "completed"]
    assert pilots["rows"][1] == {
        "key": str(content["drr"].pk),
        "label": "Disaster risk reduction",
        "values": {"planned": 0, "active": 1, "completed": 1},
        "total": 2,
    }
    assert charts["cities-by-country"]["rows"][0]["key"] == "LB"
    assert pilots["csv"] == "http://testserver/statistics/pilots-by-cluster.csv"


def test_the_api_labels_follow_the_language(content, client):
    data = client.get("/api/v1/statistics/", HTTP_ACCEPT_LANGUAGE="fr").json()

    regions = next(c for c in data["charts"] if c["slug"] == "cities-by-region")
    assert regions["rows"][1]["label"] == "États arabes"


def test_cluster_names_follow_each_reader_language_with_the_figures_kept(content, client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    Cluster.objects.filter(name="Water").update(name_fr="Eau", name_ar="المياه")

    def cluster_labels(language):
        data = client.get("/api/v1/statistics/", HTTP_ACCEPT_LANGUAGE=language).json()
        pilots = next(c for c in data["charts"] if c["slug"] == "pilots-by-cluster")
        return [row["label"] for row in pilots["rows"]]

    assert "Eau" in cluster_labels("fr")
    assert "المياه" in cluster_labels("ar")  # not the French names the first reader left
    assert "Water" in cluster_labels("en")


def test_one_kept_copy_of_the_figures_serves_every_language(content, django_assert_num_queries):
    Cluster.objects.filter(name="Water").update(name_ar="المياه")
    statistics_figures()  # counted in English
    with translation.override("ar"), django_assert_num_queries(0):
        charts = {chart.slug: chart for chart in statistics_charts(statistics_figures())}
    assert "المياه" in [row.label for row in charts["pilots-by-cluster"].rows]


@pytest.mark.parametrize("cache_emptied", [False, True], ids=["cache kept", "cache emptied"])
def test_publishing_and_withdrawing_refresh_the_kept_figures(
    cache_emptied, content, django_capture_on_commit_callbacks
):
    """Both copies are outdated: the cache's, and the database's (read when the cache lost it)."""
    staff = StaffUserFactory()
    assert statistics_totals(statistics_figures()).pilots == 4
    with django_capture_on_commit_callbacks(execute=True):
        project_publish(obj=content["draft"], actor=staff)
    if cache_emptied:
        cache.clear()
    assert statistics_totals(statistics_figures()).pilots == 5
    with django_capture_on_commit_callbacks(execute=True):
        project_unpublish(obj=content["draft"], actor=staff)
    if cache_emptied:
        cache.clear()
    assert statistics_totals(statistics_figures()).pilots == 4


def test_the_figures_come_from_the_cache_until_then(content, django_assert_num_queries):
    statistics_figures()
    ProjectFactory()  # saved without the publish service: no new generation
    with django_assert_num_queries(0):
        assert statistics_totals(statistics_figures()).pilots == 4


def test_an_emptied_cache_gets_the_same_figures_from_the_database_in_one_query(
    content, django_assert_num_queries
):
    counted = statistics_figures()
    cache.clear()  # a restart of Redis, or its memory reclaimed
    with django_assert_num_queries(1):
        kept = statistics_figures()
    assert kept == counted
    with translation.override("fr"):
        assert [chart.as_data() for chart in statistics_charts(kept)] == [
            chart.as_data() for chart in statistics_charts(counted)
        ]


def test_what_changes_without_a_publication_shows_within_cache_seconds(content):
    before = statistics_totals(statistics_figures()).collaboration_requests
    CollaborationRequestFactory(status=CollaborationStatus.ACCEPTED)  # decided: not a publication
    cache.clear()
    assert statistics_totals(statistics_figures()).collaboration_requests == before
    later = timezone.now() + dt.timedelta(seconds=CACHE_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        cache.clear()
        assert statistics_totals(statistics_figures()).collaboration_requests == before + 1


def test_figures_read_back_from_the_database_are_cached_for_what_is_left_of_their_life(
    content, settings
):
    """Not ten more minutes: what changes without a publication still shows within ten."""
    # A cache that expires entries on the (travelled) clock, whatever the run's cache is.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        before = statistics_totals(statistics_figures()).collaboration_requests
    with time_machine.travel(start + dt.timedelta(seconds=CACHE_SECONDS - 100), tick=False):
        cache.clear()
        statistics_figures()  # read back from the database, counted 500 s ago
        CollaborationRequestFactory(status=CollaborationStatus.ACCEPTED)
    with time_machine.travel(start + dt.timedelta(seconds=CACHE_SECONDS + 1), tick=False):
        assert statistics_totals(statistics_figures()).collaboration_requests == before + 1


def test_a_reader_between_the_outdating_and_the_new_generation_keeps_nothing_old(
    content, django_capture_on_commit_callbacks
):
    statistics_figures()

    def read_the_figures(**kwargs):  # a visitor who comes while the change is being announced
        statistics_figures()

    content_changed.disconnect(dispatch_uid="portal.statistics")
    content_changed.connect(read_the_figures, dispatch_uid="tests.reader")
    content_changed.connect(statistics.statistics_summary_outdate, dispatch_uid="portal.statistics")
    try:
        draft = content["draft"]
        draft.status, draft.published_at = PublicationStatus.PUBLISHED, timezone.now()
        with django_capture_on_commit_callbacks(execute=True):
            draft.save()  # one save of public content: one announcement
    finally:
        content_changed.disconnect(dispatch_uid="tests.reader")
    assert statistics_totals(statistics_figures()).pilots == 5


def test_the_row_is_put_back_when_it_is_missing(content, django_assert_num_queries):
    StatisticsSummary.objects.all().delete()
    assert statistics_totals(statistics_figures()).pilots == 4
    cache.clear()
    with django_assert_num_queries(1):
        assert statistics_totals(statistics_figures()).pilots == 4


def test_outdating_before_the_table_exists_spoils_nothing(content, caplog):
    """A data migration of another app saves content before this app's table is created."""
    table = connection.ops.quote_name(StatisticsSummary._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {table}")  # undone with the test's transaction
    statistics.statistics_summary_outdate()
    assert Cluster.objects.exists()  # the transaction it ran in goes on
    assert not [r for r in caplog.records if r.name == "portal.statistics"]


def test_a_count_during_which_a_change_was_committed_is_not_kept(
    content, monkeypatch, django_assert_num_queries
):
    count = statistics._figures_compute

    def count_while_something_is_published():
        figures = count()
        statistics.statistics_summary_outdate()  # committed after the count read the data
        return figures

    monkeypatch.setattr(statistics, "_figures_compute", count_while_something_is_published)
    statistics_figures()
    monkeypatch.undo()
    summary = StatisticsSummary.objects.get()
    assert summary.figures_version != summary.content_version
    cache.clear()
    with django_assert_num_queries(COUNTING_QUERIES):  # counted again, not read back
        statistics_figures()
    cache.clear()
    with django_assert_num_queries(1):
        statistics_figures()


def _more_content(n: int) -> None:
    cluster = ClusterFactory()
    series = TrainingSeriesFactory()
    for i in range(n):
        city = CityFactory(country=["KE", "NP", "VN"][i % 3], region=Region.AFRICA)
        ClusterMembershipFactory(city=city, cluster=cluster)
        pilot = ProjectFactory(phase=ProjectPhase.COMPLETED)
        pilot.clusters.add(cluster)
        event = EventFactory(series=series, starts_at=_at(2018 + i))
        person = UserFactory(city=city)
        RegistrationFactory(event=event, user=person, status=RegistrationStatus.ATTENDED)
        CertificateFactory(series=series, user=person)
        CollaborationRequestFactory(status=CollaborationStatus.DECLINED, project=pilot)


@pytest.mark.parametrize("size", [2, 12])
def test_the_page_takes_a_fixed_number_of_queries(size, client, django_assert_num_queries):
    _more_content(size)
    client.get("/")  # the session and site-wide lookups of a first request
    cache.clear()
    with django_assert_num_queries(COUNTING_QUERIES):
        assert client.get("/statistics/").status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/statistics/").status_code == 200
    cache.clear()  # the figures are read back from the database in one query
    with django_assert_num_queries(1):
        assert client.get("/statistics/").status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_the_endpoint_takes_a_fixed_number_of_queries(size, client, django_assert_num_queries):
    _more_content(size)
    with django_assert_num_queries(COUNTING_QUERIES):
        assert client.get("/api/v1/statistics/").status_code == 200
    # A signed-in reader gets the cached figures (the API keeps no answer for them).
    client.force_login(StaffUserFactory())
    client.get("/api/v1/me/")
    # The user, and the session unless it is read from Redis (cached_db, with REDIS_URL).
    session_queries = 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1
    with django_assert_num_queries(1 + session_queries):
        assert client.get("/api/v1/statistics/").status_code == 200


def test_every_chart_gives_the_same_figures_in_csv_api_and_table(content, client):
    charts = _charts()
    api = {chart["slug"]: chart for chart in client.get("/api/v1/statistics/").json()["charts"]}
    html = client.get("/statistics/").content.decode()

    for slug, chart in charts.items():
        expected = [[row.label, *map(str, row.values)] for row in chart.rows]
        text = client.get(f"/statistics/{slug}.csv").content.decode("utf-8-sig")
        assert list(csv.reader(io.StringIO(text)))[1:] == expected, slug
        assert [
            [row["label"], *(str(row["values"][s.key]) for s in chart.series)]
            for row in api[slug]["rows"]
        ] == expected, slug
        for label, *values in expected:
            cells = "".join(f"<td>{value}</td>" for value in values)
            assert f'<th scope="row">{label}</th>{cells}' in html, (slug, label)


@pytest.mark.django_db(transaction=True)
def test_a_flush_puts_the_row_back(django_assert_num_queries):
    call_command("flush", "--noinput", verbosity=0)
    assert StatisticsSummary.objects.filter(pk=statistics.SUMMARY_ID).exists()
    with django_assert_num_queries(COUNTING_QUERIES):
        statistics_figures()


def test_countries_with_as_many_cities_read_in_alphabetical_order_accents_aside():
    # In French, "Égypte" came after "Viêt Nam": code-point order puts É after every letter.
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    for code in ("VN", "EG", "SN"):
        ClusterMembershipFactory(cluster=drr, city=CityFactory(country=code))
    cache.clear()

    with translation.override("fr"):
        labels = [row.label for row in _charts()["cities-by-country"].rows]

    assert labels == ["Égypte", "Sénégal", "Viêt Nam"]


def test_the_page_says_when_its_figures_were_counted(content, client):
    # A request sent after the count is not in the figures yet: the page says when they were
    # counted and how soon such a change shows, so a reader who just sent one is not misled.
    counted = dt.datetime(2026, 12, 7, 16, 42, tzinfo=dt.UTC)
    with time_machine.travel(counted, tick=False):
        client.get("/statistics/")
    CollaborationRequestFactory()

    with time_machine.travel(counted + dt.timedelta(minutes=3), tick=False):
        english = client.get("/statistics/").content.decode()
        french = client.get("/fr/statistics/").content.decode()

    assert (
        "Counted on Dec. 7, 2026, 4:42 p.m. A publication is counted at once; requests sent or"
        " decided and certificates issued since then are counted within 10 minutes."
    ) in english
    assert "Chiffres du 7 décembre 2026 16:42." in french
