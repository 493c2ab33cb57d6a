"""Celery tasks of the events app: thin wrappers that call a service. Schedules live in settings."""

from celery import shared_task

from .notifications import event_reminders_send


@shared_task
def send_event_reminders():
    return event_reminders_send()
