"""Statements every signed-in request runs are prepared once per database connection."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.sql_names import column, execute_prepared, table
from notifications.models import Subscription
from tests.factories import ClusterFactory, SubscriptionFactory, UserFactory

pytestmark = pytest.mark.django_db

SQL = f"SELECT {column(Subscription, 'cluster')} FROM {table(Subscription)} WHERE {column(Subscription, 'user')} = %s ORDER BY 1"


def _clusters_followed_by(user) -> list:
    with connection.cursor() as cursor:
        execute_prepared(cursor, name="test_followed", sql=SQL, params=[user.pk])
        return [row[0] for row in cursor.fetchall()]


def _following(count):
    user = UserFactory()
    clusters = [ClusterFactory() for _ in range(count)]
    for cluster in clusters:
        SubscriptionFactory(user=user, cluster=cluster)
    return user, sorted(cluster.pk for cluster in clusters)


def test_it_answers_what_the_statement_answers_and_counts_as_one_query():
    user, clusters = _following(2)
    other, other_clusters = _following(1)

    with CaptureQueriesContext(connection) as queries:
        assert _clusters_followed_by(user) == clusters
        assert _clusters_followed_by(other) == other_clusters

    assert len(queries) == 2


def _prepared_here() -> list:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements WHERE name = 'test_followed'")
        return cursor.fetchall()


@pytest.mark.postgres
def test_on_postgresql_it_is_prepared_once_per_connection():
    user, clusters = _following(2)
    other, other_clusters = _following(1)

    # A second PREPARE of the same name would fail ("already exists").
    assert _clusters_followed_by(user) == clusters
    assert _clusters_followed_by(other) == other_clusters
    assert _clusters_followed_by(user) == clusters
    assert _prepared_here() == [("test_followed",)]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_new_connection_prepares_it_again():
    user, clusters = _following(1)
    assert _clusters_followed_by(user) == clusters
    connection.close()  # as when Django drops a connection the server closed

    assert _prepared_here() == []
    assert _clusters_followed_by(user) == clusters
    assert _prepared_here() == [("test_followed",)]
