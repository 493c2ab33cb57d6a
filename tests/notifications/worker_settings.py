"""Settings for the Celery worker the integration tests start: the real ones, mail to files."""

from config.settings import *  # noqa: F403

EMAIL_BACKEND = "tests.notifications.backends.MessageFileBackend"
