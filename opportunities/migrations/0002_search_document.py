"""The stored search document of opportunities, kept by a trigger (core/search_document_sql.py).

PostgreSQL only. The table never had an expression index, so there is none to drop.
"""

from django.db import migrations

from core.search_document_sql import search_document_operation

TABLES = {
    "opportunities_opportunity": {
        "fields": [("title", "A"), ("summary", "B"), ("description", "C")],
        "old_index": "opportunities_opportunity_search_idx",
    },
}


class Migration(migrations.Migration):
    # VACUUM cannot run in a transaction (see events/migrations/0007_search_document.py).
    atomic = False
    dependencies = [("opportunities", "0001_initial")]

    operations = [search_document_operation(TABLES)]
