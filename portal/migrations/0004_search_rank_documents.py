"""Each searched table's ranking document: its title and summary words (core.search_document_sql)."""

from django.db import migrations

from core.search_document_sql import rank_document_operation


class Migration(migrations.Migration):
    # ALTER TABLE ... ADD COLUMN rewrites each table; one transaction per table, not one for all.
    atomic = False

    dependencies = [
        ("portal", "0003_site_pages_in_six_languages"),
        ("accounts", "0008_organization_history"),
        ("cities", "0007_cityneed_cityoffer"),
        ("clusters", "0011_topic_names_in_six_languages"),
        ("events", "0009_event_topics"),
        ("opportunities", "0003_topics_from_the_vocabulary"),
        ("projects", "0009_collaborationrequest_from_city_and_more"),
        ("resources", "0003_search_in_every_language"),
    ]

    operations = [
        rank_document_operation(
            [
                "clusters_cluster",
                "cities_city",
                "projects_project",
                "events_event",
                "clusters_resource",
                "accounts_organization",
                "opportunities_opportunity",
            ]
        )
    ]
