"""A web process does at start what its first requests would otherwise pay for: the URL maps of
every language built, namespaces included, the portal's templates compiled and the time zones'
names read (0.7 s for the first page after each start), then everything it loaded frozen, so a
full garbage collection does not walk it again (about 100 ms, paid by one of the first requests
after each start, then now and then)."""

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
frozen, tracked = gc.get_freeze_count(), len(gc.get_objects())

# What a first page in each language reverses: a name in a namespace and one outside any.
from django.conf import settings
from django.urls import URLResolver, reverse
from django.utils import translation

built = []
populate = URLResolver._populate
URLResolver._populate = lambda resolver: built.append(resolver) or populate(resolver)
for code, _name in settings.LANGUAGES:
    with translation.override(code):
        reverse("clusters:detail", kwargs={"slug": "tripoli"})
        reverse("events:list")

from core.time_zones import _known_time_zones

print(json.dumps({
    "time_zone_names_read": _known_time_zones.cache_info().currsize,
    "frozen": frozen,
    "tracked": tracked,
    "resolvers_built_by_first_pages": len(built),
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
    assert started["resolvers_built_by_first_pages"] == 0
    assert started["time_zone_names_read"] == 1
    assert started["compiled_templates"] > 100
    assert started["frozen"] > 50_000
    assert started["tracked"] < started["frozen"] / 10
