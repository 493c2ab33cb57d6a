"""{% pilot_card %}, {% event_item %}, {% resource_item %}, and the list pages' items (the
pilots page's {% project_list_item %}, the events pages' {% event_list_item %}, the library's and
the news' {% resource_list_item %}): written in Python. What they print is escaped, a text shown in another language says so, and a pilot read on
its own (its cities not prefetched) gets the same card as one from a list."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from clusters.models import Cluster
from core.models import PublicationStatus
from events.selectors import event_upcoming_list
from projects.models import Project
from projects.selectors import pilot_card_city_links, project_list
from resources.models import Resource
from resources.selectors import resource_list
from tests.factories import (
    CityFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

pytestmark = pytest.mark.django_db


def _render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def resources_listed(resource):
    return resource_list().get(pk=resource.pk)


def _listed(pilot):
    return Project.objects.prefetch_related(pilot_card_city_links()).get(pk=pilot.pk)


def test_a_pilot_card_is_the_same_with_or_without_its_cities_prefetched():
    pilot = ProjectFactory(title="Flood early warning", summary="Sirens.", phase="active")
    ProjectCityFactory(project=pilot, city=CityFactory(name="Tripoli"), role="learning")
    ProjectCityFactory(project=pilot, city=CityFactory(name="Shenzhen"), role="sharing")
    source = "{% load pilot_cards %}{% pilot_card project show_phase=True %}"

    card = _render(source, project=_listed(pilot))

    assert _render(source, project=Project.objects.get(pk=pilot.pk)) == card
    assert '<span class="badge phase-active">Active</span>' in card
    assert "Shenzhen" in card and "Tripoli" in card and " · " in card
    assert "<p>Sirens.</p>" in card
    # Without show_phase the card names the cities alone.
    assert "phase-active" not in _render(
        "{% load pilot_cards %}{% pilot_card project %}", project=pilot
    )


def test_a_pilot_read_alone_names_its_cities_in_the_order_its_list_does_in_every_language():
    pilot = ProjectFactory()
    # Amman before Zarqa in English; الزرقاء before عمان in Arabic.
    for name, arabic in (("Amman", "عمان"), ("Zarqa", "الزرقاء")):
        city = CityFactory(name=name, name_ar=arabic)
        ProjectCityFactory(project=pilot, city=city, role="sharing")
    source = "{% load pilot_cards %}{% pilot_card project %}"

    with translation.override("ar"):
        alone = _render(source, project=Project.objects.get(pk=pilot.pk))
        listed = _render(source, project=_listed(pilot))

    assert alone == listed
    assert listed.index("الزرقاء") < listed.index("عمان")


def test_items_escape_what_they_print():
    title = "Floods <script>alert(1)</script> & drills"
    pilot = ProjectFactory(title=title, summary="<b>bold</b>")
    event = EventFactory(title=title, city=CityFactory(name="<i>Tripoli</i>"))
    resource = ResourceFactory(title=title, summary="<b>bold</b>")

    for html in (
        _render("{% load pilot_cards %}{% pilot_card project %}", project=pilot),
        _render("{% load event_items %}{% event_item event %}", event=event),
        _render("{% load resource_items %}{% resource_item resource %}", resource=resource),
        _render(
            "{% load resource_items %}{% resource_list_item resource %}",
            resource=resources_listed(resource),
        ),
        _render(
            "{% load event_items %}{% event_list_item event %}",
            event=event_upcoming_list().get(pk=event.pk),
        ),
        _render(
            "{% load pilot_cards %}{% project_list_item project %}",
            project=project_list().get(pk=pilot.pk),
        ),
    ):
        assert "<script>" not in html and "<b>" not in html and "<i>" not in html
        assert "Floods &lt;script&gt;alert(1)&lt;/script&gt; &amp; drills" in html


def test_items_mark_a_text_shown_in_another_language():
    soon = timezone.now() + dt.timedelta(days=2)
    event = EventFactory(
        title="Flood drill", starts_at=soon, ends_at=soon + dt.timedelta(hours=1), city=None
    )
    resource = ResourceFactory(
        title="Flood guide", summary="What to do.", title_ar="دليل الفيضانات"
    )

    with translation.override("ar"):
        event_html = _render("{% load event_items %}{% event_item event %}", event=event)
        resource_html = _render(
            "{% load resource_items %}{% resource_item resource %}", resource=resource
        )

    assert '<span lang="en" dir="ltr">Flood drill</span>' in event_html
    # An event with no city names none.
    assert '<p class="item-meta">' in event_html and "<span></span>" not in event_html
    assert "دليل الفيضانات" in resource_html
    assert '<p lang="en" dir="ltr">What to do.</p>' in resource_html
    assert f'<time datetime="{timezone.localtime(resource.published_at).isoformat()}">' in (
        resource_html
    )


def test_a_library_item_names_its_visible_clusters_and_links_its_tags_in_the_readers_language():
    resource = ResourceFactory(
        title="Heat plan", published_at=dt.datetime(2025, 4, 10, 22, 30, tzinfo=dt.UTC)
    )
    resource.clusters.add(Cluster.objects.get(slug="disaster-risk-reduction"))
    hidden = Cluster.objects.get(slug="e-commerce-digitization-smart-cities")
    resource.clusters.add(hidden)
    Cluster.objects.filter(pk=hidden.pk).update(is_active=False)
    resource.tags.add("early warning", "heat & health")
    source = "{% load resource_items %}{% resource_list_item resource %}"

    with translation.override("ar"), timezone.override("Asia/Beirut"):
        html = _render(source, resource=resources_listed(resource))

    assert '<span class="badge kind-good_practice">' in html
    # The day in the reader's time zone: 22:30 UTC is already the 11th in Beirut.
    assert '<time datetime="2025-04-11T01:30:00+03:00">11 إبريل، 2025</time>' in html
    assert 'class="cluster-colour-disaster-risk-reduction"' in html
    assert "smart-cities" not in html  # an inactive cluster is not named
    assert '<ul class="tag-list plain" aria-label="الوسوم">' in html
    assert '<a href="/ar/resources/?tag=early-warning" dir="auto">#early warning</a>' in html
    assert "#heat &amp; health</a>" in html


def test_a_library_item_without_clusters_or_tags_lists_neither():
    resource = ResourceFactory()

    html = _render(
        "{% load resource_items %}{% resource_list_item resource %}",
        resource=Resource.objects.get(pk=resource.pk),
    )

    assert "tag-list" not in html
    assert "<time datetime=" in html


def test_an_events_list_item_names_its_series_languages_and_visible_clusters_in_the_readers_zone():
    series = TrainingSeriesFactory(title="Resilient cities training")
    starts = dt.datetime(2030, 4, 10, 22, 30, tzinfo=dt.UTC)
    event = EventFactory(
        title="Flood drill",
        summary="Sirens & shelters.",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        series=series,
        city=CityFactory(name="Tripoli"),
        languages=["en", "ar"],
    )
    event.clusters.add(Cluster.objects.get(slug="disaster-risk-reduction"))
    hidden = Cluster.objects.get(slug="e-commerce-digitization-smart-cities")
    event.clusters.add(hidden)
    Cluster.objects.filter(pk=hidden.pk).update(is_active=False)
    source = "{% load event_items %}{% event_list_item event %}"

    with timezone.override("Asia/Beirut"):
        html = _render(source, event=event_upcoming_list().get(pk=event.pk))

    # 22:30 UTC is already the 11th, at 01:30, in Beirut.
    assert '<time datetime="2030-04-11T01:30:00+03:00">' in html and "1:30" in html
    assert f'Series: <a href="{series.get_absolute_url()}">Resilient cities training</a>' in html
    assert "<span>Languages: English, Arabic</span>" in html
    assert "<span>Tripoli</span>" in html
    assert "<p>Sirens &amp; shelters.</p>" in html
    assert 'class="cluster-colour-disaster-risk-reduction"' in html
    assert "smart-cities" not in html  # an inactive cluster is not named


def test_an_events_list_item_leaves_out_a_draft_series_and_what_the_event_lacks():
    draft = TrainingSeriesFactory(status=PublicationStatus.DRAFT, published_at=None)
    event = EventFactory(series=draft, city=None, languages=[])

    html = _render(
        "{% load event_items %}{% event_list_item event %}",
        event=event_upcoming_list().get(pk=event.pk),
    )

    assert "Series:" not in html and draft.title not in html
    assert "Languages:" not in html and "<span></span>" not in html
    assert "tag-list" not in html
