"""Read replicas against a real streaming replica of the local PostgreSQL (pg_basebackup -R).

The replica's replay is paused where a test needs it to lag: a page that shows the old value was
read from the replica, one that shows the new value from the primary.
"""

import logging
import time

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.db import router
from django.test import Client

from core import db_routing
from core.db_routing import READ_PRIMARY_COOKIE
from notifications.models import OutboxEmail
from portal.models import StatisticsSummary
from tests.factories import ClusterFactory, ProjectFactory, UserFactory
from tests.scale.conftest import REPLICA_ALIAS

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, databases=["default", REPLICA_ALIAS]),
]


def page_of(cluster) -> str:
    return f"/clusters/{cluster.slug}/"


def test_it_reads_safe_requests_from_the_replica_and_everything_else_from_the_primary(replica):
    cluster = ClusterFactory(name="Urban resilience")
    replica.pause()
    cluster.name = "Urban resilience and water"
    cluster.save()  # on the primary; the replica still has the old name
    anonymous = Client()

    assert "Urban resilience and water" not in anonymous.get(page_of(cluster)).content.decode()
    api = anonymous.get(f"/api/v1/clusters/{cluster.slug}/")
    assert api.status_code == 200 and api.json()["name"] == "Urban resilience"
    assert anonymous.head(page_of(cluster)).status_code == 200

    replica.resume()
    replica.catch_up()
    assert "Urban resilience and water" in anonymous.get(page_of(cluster)).content.decode()


def test_a_person_who_has_just_written_reads_their_change_from_the_primary(replica, settings):
    settings.REPLICA_READ_YOUR_WRITES_SECONDS = 5
    user = UserFactory(name="Amina")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    writer, other_browser = Client(), Client()
    writer.force_login(user)
    other_browser.force_login(user)
    replica.pause()

    saved = writer.post(
        "/accounts/profile/",
        {
            "name": "Amina Diallo",
            "preferred_language": "en",
            "time_zone": "Africa/Dakar",
            "digest_frequency": user.digest_frequency,
        },
    )

    assert saved.status_code == 302
    assert saved.cookies[READ_PRIMARY_COOKIE]["max-age"] == 5
    assert "Amina Diallo" in writer.get("/accounts/profile/").content.decode()
    # The same person in a browser that did not write reads the (lagging) replica.
    assert "Amina Diallo" not in other_browser.get("/accounts/profile/").content.decode()
    # Still signed in there: sessions are read from the primary, whatever the replica lags.
    assert other_browser.get("/accounts/profile/").status_code == 200
    with time_machine.travel(time.time() + 6, tick=False):
        assert "Amina Diallo" not in writer.get("/accounts/profile/").content.decode()


def test_it_reads_from_the_primary_and_says_so_when_the_replica_is_down(replica, caplog):
    cluster = ClusterFactory(name="Coastal cities")
    replica.catch_up()
    replica.server.stop()
    cluster.name = "Coastal and island cities"
    cluster.save()

    with caplog.at_level(logging.WARNING, logger="core.db_routing"):
        first = Client().get(page_of(cluster))
        second = Client().get(page_of(cluster))

    assert first.status_code == 200 and second.status_code == 200
    assert "Coastal and island cities" in first.content.decode()
    warnings = [r for r in caplog.records if "replica_0 is unreachable" in r.getMessage()]
    assert len(warnings) == 1  # not retried on every query: once, then left alone a while


def test_celery_tasks_read_from_the_primary_even_inside_a_get_request(replica, monkeypatch):
    from notifications.tasks import sweep_outbox

    monkeypatch.setattr(
        "notifications.outbox.outbox_sweep", lambda: router.db_for_read(OutboxEmail)
    )
    with db_routing.request_reads(replica_allowed=True):  # what the middleware does for a GET
        assert router.db_for_read(OutboxEmail) == replica.alias
        assert sweep_outbox.apply().get() == "default"
        assert router.db_for_read(OutboxEmail) == replica.alias  # the request carries on as before
    assert router.db_for_read(OutboxEmail) == "default"  # outside requests: the primary
    assert router.db_for_write(OutboxEmail) == "default"


def test_counting_the_statistics_for_a_reader_is_not_the_reader_writing(replica):
    """The figures kept in the database are written by whoever reads the page first: on the
    primary, and without the cookie that sends a browser that wrote to the primary (which would
    also keep the page from being shared)."""
    cache.clear()
    replica.catch_up()

    page = Client().get("/statistics/")

    assert page.status_code == 200
    assert READ_PRIMARY_COOKIE not in page.cookies
    assert "public" in page["Cache-Control"]
    assert StatisticsSummary.objects.using("default").get().figures is not None


def test_the_statistics_count_a_publication_at_once_while_the_replica_lags(replica):
    """The figures are counted on the primary: a lagging replica would have them counted from
    before the publication, and kept for ten minutes under the generation that comes after it."""
    ProjectFactory(phase="completed")
    cache.clear()
    replica.catch_up()
    anonymous = Client()
    before = anonymous.get("/api/v1/statistics/").json()["totals"]["pilots"]
    replica.pause()

    ProjectFactory(phase="completed")  # committed on the primary, announced (transaction=True)

    assert anonymous.get("/api/v1/statistics/").json()["totals"]["pilots"] == before + 1
