"""The published resources' indexes carry the id, so a list narrowed by a link is counted from
the index alone. Built beside the old ones, without locking the library, then the old dropped."""

from django.conf import settings
from django.db import migrations, models

from core.migration_operations import AddIndexWithoutLocking, RemoveIndexWithoutLocking


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("accounts", "0008_organization_history"),
        ("cities", "0009_cities_sorted_by_shown_name"),
        ("clusters", "0011_topic_names_in_six_languages"),
        ("projects", "0011_list_order_and_published_count_indexes"),
        ("resources", "0003_search_in_every_language"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        AddIndexWithoutLocking(
            model_name="resource",
            index=models.Index(
                fields=["status", "-published_at"], include=("id",), name="resource_published_id"
            ),
        ),
        AddIndexWithoutLocking(
            model_name="resource",
            index=models.Index(
                fields=["kind", "status", "-published_at"],
                include=("id",),
                name="resource_kind_published_id",
            ),
        ),
        RemoveIndexWithoutLocking(model_name="resource", name="clusters_re_status_11fdb4_idx"),
        RemoveIndexWithoutLocking(model_name="resource", name="clusters_re_kind_65abc0_idx"),
    ]
