"""Stored search documents, kept by a trigger, in place of the GIN expression index of 0002.

PostgreSQL only; what the SQL does and why is in portal/search_document_sql.py.
"""

from django.db import migrations

from core.search_document_sql import search_document_operation

TABLES = {
    "cities_city": {
        "fields": [("name", "A"), ("summary", "B"), ("description", "C")],
        "old_index": "cities_city_search_idx",
    },
}


class Migration(migrations.Migration):
    # VACUUM cannot run in a transaction, and a transaction would hold the new column's lock,
    # which blocks reading the table, until every row is rewritten. Each of its statements can be
    # run again, should the migration stop half-way.
    atomic = False
    dependencies = [("cities", "0003_historicalcity")]

    operations = [search_document_operation(TABLES)]
