"""The period's content, as a digest batch holds it: texts read in each reader's language, at a
cost per item that does not include building a type of its own."""

import pytest
from django.utils import translation

from notifications.content import content_in_period
from tests.factories import ResourceFactory

from .digest_helpers import RUN_AT, during_week, freeze

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _at_the_weekly_run(time_machine):
    freeze(time_machine)


def _period_items():
    new, _upcoming = content_in_period(
        since=during_week(0), until=RUN_AT, upcoming_until=RUN_AT + (RUN_AT - during_week(0))
    )
    return new


def test_each_items_title_and_summary_come_out_in_the_language_active_when_read():
    ResourceFactory(
        published_at=during_week(),
        title="Flood early warning",
        title_fr="Alerte précoce aux inondations",
        summary="Sirens and text messages.",
        summary_fr="Sirènes et SMS.",
    )
    (item,) = _period_items()
    with translation.override("fr"):
        assert (str(item.title), str(item.summary)) == (
            "Alerte précoce aux inondations",
            "Sirènes et SMS.",
        )
    with translation.override("en"):
        assert (str(item.title), str(item.summary)) == (
            "Flood early warning",
            "Sirens and text messages.",
        )


def test_the_items_texts_share_one_lazy_type_however_many_items_there_are():
    # Django's lazy() builds a class with a wrapper per str method on every call: one per text
    # cost a 15,000-item week about 100 MB in every digest worker process.
    for number in range(3):
        ResourceFactory(published_at=during_week(), title=f"Guide {number}")
    items = _period_items()
    assert len(items) == 3
    assert len({type(item.title) for item in items} | {type(item.summary) for item in items}) == 1
