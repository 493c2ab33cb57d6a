"""Search in every language: unaccent and pg_trgm, one text-search configuration per language,
the stored documents rewritten to read every language's columns, and the suggestions' dictionary.

PostgreSQL only (the extension operations and the SQL do nothing on SQLite); what the SQL does is
in core/search_document_sql.py.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

from core.search_document_sql import every_language_operation

TABLES = {
    "clusters_cluster": {"fields": [("name", "A"), ("summary", "B"), ("description", "C")]},
    "clusters_resource": {"fields": [("title", "A"), ("summary", "B"), ("body", "C")]},
    "cities_city": {"fields": [("name", "A"), ("summary", "B"), ("description", "C")]},
    "projects_project": {"fields": [("title", "A"), ("summary", "B"), ("body", "C")]},
    "events_event": {"fields": [("title", "A"), ("summary", "B"), ("description", "C")]},
    "accounts_organization": {
        "fields": [("name", "A"), ("acronym", "A"), ("description", "C")],
        "untranslated": ("name", "acronym"),
    },
}

LANGUAGE_COLUMNS = ("en", "fr", "es", "ar", "zh_hans", "ru")
NAME_COLUMNS = {
    "cities_city": ["name", *(f"name_{code}" for code in LANGUAGE_COLUMNS)],
    "clusters_cluster": ["name", *(f"name_{code}" for code in LANGUAGE_COLUMNS)],
    "projects_project": ["title", *(f"title_{code}" for code in LANGUAGE_COLUMNS)],
    "taggit_tag": ["name"],
}


class PostgresOnly(migrations.operations.base.Operation):
    """An extension operation that leaves other databases alone both ways (Django's own checks
    the database only when applying, so unapplying on SQLite would query pg_extension)."""

    reduces_to_sql = False
    reversible = True

    def __init__(self, operation):
        self.operation = operation

    def deconstruct(self):
        return (self.__class__.__name__, [self.operation], {})

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"{self.operation.describe()} (PostgreSQL only)"


class Migration(migrations.Migration):
    # As the first documents' migrations: VACUUM cannot run in a transaction, and every
    # statement can run again should the migration stop half-way.
    atomic = False
    dependencies = [
        ("accounts", "0006_content_in_six_languages"),
        ("cities", "0006_content_in_six_languages"),
        ("clusters", "0008_content_in_six_languages"),
        ("events", "0008_content_in_six_languages"),
        ("projects", "0008_content_in_six_languages"),
        ("resources", "0002_content_in_six_languages"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        PostgresOnly(UnaccentExtension()),
        PostgresOnly(TrigramExtension()),
        every_language_operation(TABLES, NAME_COLUMNS),
    ]
