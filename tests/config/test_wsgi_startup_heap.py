"""A web process does at start what its first requests would otherwise pay for: the URL maps of
every language built and the portal's templates compiled (0.7 s for the first page after each
start), then everything it loaded frozen, so a full garbage collection does not walk it again
(about 100 ms, paid by one of the first requests after each start, then now and then)."""

import json
import subprocess
import sys

from django.conf import settings

PROBE = """
import gc, json
import config.wsgi
from django.template import engines
from django.urls import get_resolver

cached_loader = engines["django"].engine.template_loaders[0]
print(json.dumps({
    "frozen": gc.get_freeze_count(),
    "tracked": len(gc.get_objects()),
    "url_map_languages": sorted(get_resolver()._reverse_dict),
    "compiled_templates": len(cached_loader.get_template_cache),
}))
"""


def _start_a_web_process() -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_web_process_starts_ready_for_every_language_with_its_startup_objects_frozen():
    started = _start_a_web_process()

    assert started["url_map_languages"] == sorted(code for code, _name in settings.LANGUAGES)
    assert started["compiled_templates"] > 100
    assert started["frozen"] > 50_000
    assert started["tracked"] < started["frozen"] / 10
