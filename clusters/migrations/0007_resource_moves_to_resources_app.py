from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0006_search_document"),
    ]

    # The library became its own app; its tables keep their names, so only Django's idea of
    # which app owns them changes (resources/migrations/0001_initial.py takes them over).
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="resource",
                    name="author",
                ),
                migrations.RemoveField(
                    model_name="resource",
                    name="cities",
                ),
                migrations.RemoveField(
                    model_name="resource",
                    name="clusters",
                ),
                migrations.RemoveField(
                    model_name="resource",
                    name="organizations",
                ),
                migrations.RemoveField(
                    model_name="resource",
                    name="projects",
                ),
                migrations.RemoveField(
                    model_name="resource",
                    name="proposed_by",
                ),
                migrations.RemoveField(
                    model_name="resource",
                    name="tags",
                ),
                migrations.DeleteModel(
                    name="HistoricalResource",
                ),
                migrations.DeleteModel(
                    name="Resource",
                ),
            ],
            database_operations=[],
        ),
    ]
