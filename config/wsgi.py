import contextlib
import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()


def _prepare_every_language() -> None:
    """Do now what the first request of each web process would otherwise do, in each language.

    The first request imported the URLconf and every view, and the first request in each
    language built that language's maps of URL names (every page links to its six language
    versions, so the first page built all six): 0.7 s for the first visitor after every start,
    in every worker.
    """
    from django.conf import settings
    from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
    from django.utils import translation

    def fill(resolver):
        resolver.reverse_dict  # noqa: B018 (reading it builds the active language's maps)
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                fill(pattern)

    def namespaces(resolver, prefix=""):
        for namespace, (_prefix, inner) in resolver.namespace_dict.items():
            yield f"{prefix}{namespace}"
            yield from namespaces(inner, f"{prefix}{namespace}:")

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            fill(get_resolver())
            # Reversing a name in a namespace ("clusters:detail") goes through a resolver made
            # and filled for that namespace and language on first use (django.urls.resolvers.
            # get_ns_resolver): 19 ms of a process's first page, 8-16 ms of its first French or
            # Arabic one. A name no namespace has makes it all the same, then fails.
            for namespace in namespaces(get_resolver()):
                with contextlib.suppress(NoReverseMatch):
                    reverse(f"{namespace}:-")


def _compile_templates() -> None:
    """Compile the portal's templates now rather than in the first request that uses each
    (the cached loader keeps them): 100 ms of a process's first home page."""
    from django.conf import settings
    from django.template.loader import get_template

    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(folder.rglob("*.html")):
            get_template(str(path.relative_to(folder)))


def _read_time_zone_names() -> None:
    """Read the system's list of time zones now: the first page that checks a zone (a visitor's
    cookie, an event's own zone beside the visitor's) read it, 14 ms."""
    from django.conf import settings

    from core.time_zones import valid_time_zone

    valid_time_zone(settings.TIME_ZONE)


_prepare_every_language()
_compile_templates()
_read_time_zone_names()

# Everything loaded so far (Django, the apps, their modules and URL maps: some 300,000 objects)
# lives as long as the process. Left to the cyclic garbage collector, it is walked again at
# every full collection: about 100 ms, paid by whichever request triggers one (one of the first
# few after each start, then now and then). Frozen, only what requests create is walked.
gc.collect()
gc.freeze()
