import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from cities.models import City
from events.models import Event
from notifications.models import Subscription
from notifications.readers import digest_reader_count
from projects.models import Project
from resources.models import Resource

TINY = {"cities": 6, "projects": 5, "events": 8, "resources": 12, "users": 9}


def generate(seed=1, **sizes):
    out = io.StringIO()
    call_command("generate_scale_data", seed=seed, batch_size=4, stdout=out, **(sizes or TINY))
    return out.getvalue()


def snapshot():
    return {
        "cities": list(City.objects.order_by("slug").values_list("slug", "name", "country")),
        "projects": list(Project.objects.order_by("slug").values_list("slug", "title", "phase")),
        "events": list(Event.objects.order_by("slug").values_list("slug", "title", "city__slug")),
        "resources": list(
            Resource.objects.order_by("slug").values_list("slug", "title", "kind", "body")
        ),
        "follows": list(
            Subscription.objects.order_by("user__email", "cluster__slug", "city__slug").values_list(
                "user__email", "cluster__slug", "city__slug"
            )
        ),
    }


@pytest.mark.django_db
def test_it_creates_the_sizes_asked_for_with_nothing_flagged_as_demo():
    generate()

    assert City.objects.filter(slug__startswith="scale-", is_demo=False).count() == 6
    assert Project.objects.filter(slug__startswith="scale-", is_demo=False).count() == 5
    assert Event.objects.filter(slug__startswith="scale-", is_demo=False).count() == 8
    assert Resource.objects.filter(slug__startswith="scale-", is_demo=False).count() == 12
    assert Resource.objects.published().filter(slug__startswith="scale-").count() == 12


@pytest.mark.django_db
def test_it_writes_each_pilot_once_with_its_programme():
    # Updating the rows after inserting them left the table's first pages empty in PostgreSQL,
    # and the search's walk of the table read them on every query of a common word.
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    # Not CaptureQueriesContext: the generator empties Django's query log after each batch.
    with connection.execute_wrapper(record):
        generate()

    programmes = Project.objects.filter(kind="programme").order_by("pk")
    pilots = Project.objects.filter(kind="pilot")
    assert programmes.count() == 1
    assert pilots.count() == 4
    assert set(pilots.values_list("parent_id", flat=True)) == {programmes[0].pk}
    assert not [sql for sql in statements if sql.startswith('UPDATE "projects_project"')]


@pytest.mark.django_db(transaction=True)
def test_it_makes_the_same_rows_from_the_same_seed():
    generate(seed=5)
    first = snapshot()
    call_command("flush", "--noinput", verbosity=0)
    generate(seed=5)

    assert snapshot() == first


@pytest.mark.django_db(transaction=True)
def test_it_makes_different_rows_from_another_seed():
    generate(seed=5)
    first = snapshot()
    call_command("flush", "--noinput", verbosity=0)
    generate(seed=6)

    assert snapshot()["resources"] != first["resources"]


@pytest.mark.django_db
def test_it_gives_every_reader_a_weekly_digest_with_something_new():
    generate()
    week_ago = timezone.now() - dt.timedelta(days=7)

    # Each generated reader (and the bench user) follows a cluster and a city.
    assert digest_reader_count(period="weekly") == TINY["users"] + 1
    assert Subscription.objects.filter(cluster__isnull=False).count() == TINY["users"] + 1
    recent = Resource.objects.published().filter(published_at__gte=week_ago)
    assert recent.exists()
    assert Project.objects.published().filter(published_at__gte=week_ago).exists()


@pytest.mark.django_db
def test_it_draws_a_progress_bar_for_each_table():
    output = generate()

    assert "resources" in output
    assert "[##############################] 12/12" in output


@pytest.mark.django_db
def test_it_refuses_to_generate_twice_into_one_database():
    generate()

    with pytest.raises(CommandError, match="already here"):
        generate()
