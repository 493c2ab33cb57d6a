"""GIN indexes over the weighted full-text documents that site search matches against.

PostgreSQL only (SQLite searches with a substring fallback, so there is nothing to index). Each
expression matched the search expression of its day. A later `*_search_document` migration drops
these indexes for a stored document column with its own GIN index (portal/search_document_sql.py).
"""

from django.db import migrations

INDEXES = [
    (
        "events_event_search_idx",
        """CREATE INDEX IF NOT EXISTS events_event_search_idx ON events_event USING GIN ((
    setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, COALESCE(summary, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, COALESCE(description, '')), 'C')
))""",
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _name, create_sql in INDEXES:
        schema_editor.execute(create_sql)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _create_sql in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("events", "0002_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
