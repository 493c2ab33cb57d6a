"""The waste cluster's map colour becomes a brown: its green (#558b2f, seeded by 0003) could not
be told from the agriculture cluster's (#2e7d32) on the map.

#6d4c41 keeps a contrast above 7:1 with white (the map's dots, white text on the colour). Only the seeded green is replaced: a colour an editor chose stays. Undoing
the migration changes nothing.
"""

from django.db import DEFAULT_DB_ALIAS, migrations

WASTE = "waste-management-green-cities-renewable-energy"
SEEDED_GREEN = "#558b2f"
BROWN = "#6d4c41"


def brown_waste_cluster(apps, schema_editor):
    """`schema_editor` may be None (called outside a migration, as clusters.apps does with the
    seeds after a flush)."""
    Cluster = apps.get_model("clusters", "Cluster")
    using = schema_editor.connection.alias if schema_editor is not None else DEFAULT_DB_ALIAS
    Cluster._base_manager.using(using).filter(slug=WASTE, colour__iexact=SEEDED_GREEN).update(
        colour=BROWN
    )


class Migration(migrations.Migration):
    dependencies = [("clusters", "0012_seeded_topic_names_translated")]

    operations = [migrations.RunPython(brown_waste_cluster, migrations.RunPython.noop)]
