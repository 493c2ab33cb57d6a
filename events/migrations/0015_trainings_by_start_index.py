"""The published trainings by start, for the statistics' trainings per year; built without
locking the events table."""

from django.db import migrations, models

from core.migration_operations import AddIndexWithoutLocking


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("events", "0014_trainings_counted_from_the_start_index")]

    operations = [
        AddIndexWithoutLocking(
            model_name="event",
            index=models.Index(
                condition=models.Q(
                    ("status", "published"),
                    models.Q(
                        ("kind__in", ("training_session", "workshop", "capacity_development")),
                        ("series__isnull", False),
                        _connector="OR",
                    ),
                ),
                fields=["starts_at"],
                include=("published_at", "id"),
                name="events_trainings_by_start",
            ),
        ),
    ]
