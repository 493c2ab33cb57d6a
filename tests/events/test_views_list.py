import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from core.models import PublicationStatus
from events.models import EventFormat, EventKind
from tests.factories import CityFactory, ClusterFactory, EventFactory, TrainingSeriesFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [event.title for event in response.context["events"]]


def in_days(days, hour=12):
    return (timezone.now() + dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0)


def test_it_lists_upcoming_events_soonest_first(client):
    EventFactory(title="Later", starts_at=in_days(20))
    EventFactory(title="Sooner", starts_at=in_days(2))

    response = client.get("/events/")

    assert response.status_code == 200
    assert titles(response) == ["Sooner", "Later"]


def test_its_pages_follow_one_another_in_start_order_without_overlap(client):
    # 45 events, three starting at the same time on each of 15 days: 20, 20 and 5 on the pages.
    for day in range(15):
        for hour in (9, 9, 9):
            EventFactory(title=f"Day {day:02} {hour}", starts_at=in_days(day + 1, hour=hour))

    pages = [client.get(f"/events/?page={number}") for number in (1, 2, 3)]
    listed = [event.pk for page in pages for event in page.context["events"]]

    assert [len(page.context["events"]) for page in pages] == [20, 20, 5]
    assert len(set(listed)) == 45
    starts = [event.starts_at for page in pages for event in page.context["events"]]
    assert starts == sorted(starts)
    assert pages[0].context["page_obj"].paginator.count == 45
    assert b"45 events" in pages[2].content


def test_it_keeps_an_event_that_is_still_running_among_the_upcoming(client):
    EventFactory(
        title="Running now",
        starts_at=timezone.now() - dt.timedelta(hours=1),
        ends_at=timezone.now() + dt.timedelta(hours=1),
    )

    assert titles(client.get("/events/")) == ["Running now"]


def test_it_leaves_past_events_and_drafts_out_of_the_upcoming_list(client):
    EventFactory(title="Next week", starts_at=in_days(7))
    EventFactory(title="Last year", starts_at=in_days(-365))
    EventFactory(title="Draft", status=PublicationStatus.DRAFT, published_at=None)

    response = client.get("/events/")

    assert titles(response) == ["Next week"]
    assert b"Last year" not in response.content


def test_it_keeps_past_events_in_the_archive_newest_first(client):
    EventFactory(title="Next week", starts_at=in_days(7))
    EventFactory(title="Last year", starts_at=in_days(-365))
    EventFactory(title="Last month", starts_at=in_days(-30))

    response = client.get("/events/past/")

    assert response.status_code == 200
    assert titles(response) == ["Last month", "Last year"]
    assert b"<h1>Past events</h1>" in response.content


def test_it_shows_kind_format_city_series_and_languages_in_the_list(client):
    EventFactory(
        title="Resilience training",
        kind=EventKind.TRAINING_SESSION,
        format=EventFormat.HYBRID,
        city=CityFactory(name="Shenzhen"),
        series=TrainingSeriesFactory(title="Resilient cities series"),
        languages=["en", "ar"],
    )

    html = client.get("/events/").content.decode()

    assert "Training session" in html
    assert "Hybrid" in html
    assert "Shenzhen" in html
    assert "Resilient cities series" in html
    assert "Languages: English, Arabic" in html


def test_it_names_an_events_languages_in_the_readers_language(client):
    # Codes ("EN, AR") told a reader little; a code Django does not know stays as typed.
    EventFactory(title="Resilience training", languages=["en", "ar", "xx"])

    html = client.get("/ar/events/").content.decode()

    assert "الإنجليزية، العربية، XX" in html


def test_it_filters_by_cluster(client):
    cluster = ClusterFactory(slug="drr")
    EventFactory(title="DRR webinar").clusters.add(cluster)
    EventFactory(title="Other webinar")

    assert titles(client.get("/events/?cluster=drr")) == ["DRR webinar"]


def test_it_filters_by_kind_and_format(client):
    EventFactory(title="Online training", kind=EventKind.TRAINING_SESSION, format="online")
    EventFactory(title="Field visit", kind=EventKind.FIELD_VISIT, format="in_person")
    EventFactory(title="In-person training", kind=EventKind.TRAINING_SESSION, format="in_person")

    response = client.get("/events/?kind=training_session&format=in_person")

    assert titles(response) == ["In-person training"]


def test_it_filters_by_a_language_in_the_events_language_list(client):
    EventFactory(title="Arabic and English", languages=["en", "ar"])
    EventFactory(title="English only", languages=["en"])
    EventFactory(title="Spanish", languages=["es"])

    assert titles(client.get("/events/?language=ar")) == ["Arabic and English"]
    assert sorted(titles(client.get("/events/?language=en"))) == [
        "Arabic and English",
        "English only",
    ]


def test_it_does_not_match_a_language_code_inside_another(client):
    EventFactory(title="Chinese", languages=["zh-hans"])

    assert titles(client.get("/events/?language=es")) == []


@time_machine.travel(dt.datetime(2024, 8, 15, 12, tzinfo=dt.UTC), tick=False)
def test_it_filters_by_month(client):
    EventFactory(title="September", starts_at=dt.datetime(2024, 9, 10, 9, tzinfo=dt.UTC))
    EventFactory(title="October", starts_at=dt.datetime(2024, 10, 1, 9, tzinfo=dt.UTC))

    assert titles(client.get("/events/?month=2024-09")) == ["September"]


@time_machine.travel(dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC), tick=False)
def test_the_month_filter_offers_a_month_picker_hinting_this_month_in_the_visitors_zone(client):
    # The hint was a fixed "2024-09", a past month that read as one already chosen. In Beirut
    # the last half hour of 2026 in UTC is already January 2027.
    client.cookies["tz"] = "Asia/Beirut"

    html = client.get("/events/").content.decode()

    assert 'type="month" name="month"' in html
    assert 'placeholder="2027-01"' in html
    assert "2024-09" not in html


@pytest.mark.parametrize(
    "query",
    ["month=2024-13", "month=September", "language=klingon", "kind=party", "cluster=nowhere"],
)
def test_it_explains_a_bad_filter_value_instead_of_failing(client, query):
    EventFactory(title="Still listed")

    response = client.get(f"/events/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert 'class="field-error"' in html
    assert "Still listed" in html


def test_it_tells_the_month_format_when_it_is_wrong(client):
    html = client.get("/events/?month=2024-13").content.decode()

    assert "Enter a month as YYYY-MM" in html


def test_it_says_so_when_no_upcoming_event_matches(client):
    html = client.get("/events/").content.decode()

    assert "No upcoming event matches these filters." in html
    assert 'href="/events/past/"' in html


def test_it_paginates_upcoming_events(client):
    for day in range(1, 24):
        EventFactory(starts_at=in_days(day))

    assert len(titles(client.get("/events/"))) == 20
    assert len(titles(client.get("/events/?page=2"))) == 3
