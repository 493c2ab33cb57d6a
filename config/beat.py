"""One celery beat per deployment, enforced.

Two beats would each send every periodic task: every reader would get each digest twice. Beat
keeps its schedule in a local file, so nothing else stops a second one started on another node or
by a second `docker compose up`. This scheduler takes a lock in Redis when it starts and renews it
on every tick; a second beat finds the lock taken and exits with a message saying so. If the first
beat dies, its lock expires after LOCK_SECONDS and a new beat can start.
"""

from celery.beat import PersistentScheduler
from django.conf import settings
from redis import Redis

LOCK_KEY = "cities:celery-beat"
# Renewed every tick; beat ticks at least every max_interval seconds.
LOCK_SECONDS = 120


class SingleBeatScheduler(PersistentScheduler):
    max_interval = 30

    def setup_schedule(self):
        self._lock = None
        if settings.REDIS_URL:
            client = Redis.from_url(settings.REDIS_URL, socket_connect_timeout=5, socket_timeout=5)
            lock = client.lock(LOCK_KEY, timeout=LOCK_SECONDS, blocking=False)
            if not lock.acquire():
                raise SystemExit(
                    "Another celery beat is running for this deployment (it holds the "
                    f"{LOCK_KEY!r} lock in Redis). Run exactly one beat; this one stops. A beat "
                    f"that died releases the lock within {LOCK_SECONDS} s."
                )
            self._lock = lock
        super().setup_schedule()

    def tick(self, *args, **kwargs):
        if self._lock is not None:
            # Raises LockNotOwnedError if the lock expired and another beat took it: stop then.
            self._lock.reacquire()
        return super().tick(*args, **kwargs)

    def close(self):
        try:
            super().close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None
