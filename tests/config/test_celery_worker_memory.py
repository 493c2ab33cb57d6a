"""The worker's parent keeps what it has loaded out of the collector before forking its pool."""

import gc

from celery.signals import worker_init

from config.celery import share_loaded_objects_with_the_pool


def test_starting_a_worker_freezes_the_objects_loaded_so_far():
    loaded = [object()]
    gc.unfreeze()
    try:
        share_loaded_objects_with_the_pool(sender=None)

        assert gc.get_freeze_count() > 0
        assert not any(found is loaded for found in gc.get_objects())
    finally:
        gc.unfreeze()


def test_it_runs_when_the_worker_starts():
    receivers = [ref() for _key, ref in worker_init.receivers]
    assert share_loaded_objects_with_the_pool in receivers
