"""A web process freezes what it loaded at start, so a full garbage collection does not walk it
again (about 100 ms, paid by one of the first requests after each start, then now and then)."""

import subprocess
import sys

from django.conf import settings


def test_the_web_process_starts_with_its_startup_objects_frozen():
    probe = "import gc, config.wsgi; print(gc.get_freeze_count(), len(gc.get_objects()))"

    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    frozen, still_tracked = map(int, result.stdout.split()[-2:])

    assert frozen > 50_000
    assert still_tracked < frozen / 10
