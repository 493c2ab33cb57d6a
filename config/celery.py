import gc
import logging
import os

from celery import Celery
from celery.signals import task_failure, task_postrun, task_prerun, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("cities_clusters")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# notifications/retention.py keeps its task beside the service (the retention beat entry).
app.autodiscover_tasks(related_name="retention")

logger = logging.getLogger("config.celery")


@worker_init.connect
def share_loaded_objects_with_the_pool(**kwargs):
    """Keep the objects loaded so far (Django, the apps, their modules) out of the collector.

    The pool processes are forked after this. A collection in a pool process would otherwise
    write to every one of those objects and so copy each memory page that held one: most of the
    ~80 MB the parent has loaded, once per pool process.
    """
    gc.freeze()


@task_prerun.connect
def _tag_logs_with_task_id(task_id=None, **kwargs):
    """A task's log lines carry its id where a request's carry the request id."""
    from core.logging import request_id_var

    request_id_var.set(f"task:{task_id}")


# Tasks read from the primary (they write, and must see what they are about to change), even
# when one runs in-process inside a GET request that reads from a replica.
_primary_reads_tokens = {}


@task_prerun.connect
def _read_from_the_primary(task_id=None, **kwargs):
    from core.db_routing import primary_reads_begin

    _primary_reads_tokens[task_id] = primary_reads_begin()


@task_postrun.connect
def _untag_logs(**kwargs):
    from core.logging import request_id_var

    request_id_var.set("-")


@task_postrun.connect
def _read_as_before(task_id=None, **kwargs):
    from core.db_routing import primary_reads_end

    token = _primary_reads_tokens.pop(task_id, None)
    if token is not None:
        primary_reads_end(token)


@task_failure.connect
def log_task_failure(sender=None, task_id=None, exception=None, args=None, einfo=None, **kwargs):
    """One error record per failed task, with its id and name, so a failure can be traced from
    the outbox row or the beat schedule to the worker's log."""
    logger.error(
        "Task %s failed (task id %s): %r",
        getattr(sender, "name", sender),
        task_id,
        exception,
        exc_info=(type(exception), exception, getattr(einfo, "tb", None)) if exception else None,
        extra={"task_id": task_id, "task_name": getattr(sender, "name", str(sender))},
    )
