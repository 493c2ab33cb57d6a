"""Celery tasks of the opportunities app: thin wrappers that call a service. Schedules in settings."""

from celery import shared_task

from .notifications import deadline_reminders_send


@shared_task
def send_deadline_reminders():
    return deadline_reminders_send()
