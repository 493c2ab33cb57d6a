"""Celery tasks of matchmaking, under the names the settings route and schedule.

The tasks are defined in matchmaking.services, beside the refresh they run and the code that
queues them; Celery's autodiscovery imports this module.
"""

from .services import refresh_all_matches, refresh_matches

__all__ = ["refresh_all_matches", "refresh_matches"]
