"""Stored search documents, kept by a trigger, in place of the GIN expression indexes of 0004.

PostgreSQL only; what the SQL does and why is in portal/search_document_sql.py.
"""

from django.db import migrations

from core.search_document_sql import search_document_operation

TABLES = {
    "clusters_cluster": {
        "fields": [("name", "A"), ("summary", "B"), ("description", "C")],
        "old_index": "clusters_cluster_search_idx",
    },
    "clusters_resource": {
        "fields": [("title", "A"), ("summary", "B"), ("body", "C")],
        "old_index": "clusters_resource_search_idx",
    },
}


class Migration(migrations.Migration):
    # VACUUM cannot run in a transaction, and a transaction would hold the new column's lock,
    # which blocks reading the table, until every row is rewritten. Each of its statements can be
    # run again, should the migration stop half-way.
    atomic = False
    dependencies = [
        ("clusters", "0005_historicalcluster_historicalresource_resource_image_and_more")
    ]

    operations = [search_document_operation(TABLES)]
