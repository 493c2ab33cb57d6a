"""Signed-in pages rendered once for everyone, with each person's parts filled in per request.

A signed-in page differs from the anonymous one in a few small places: the header (bell, sign
out), flash messages, Follow buttons, Edit links, a city official's "Propose an exchange", the
CSRF token in forms. Everything else (the content, its lists, their translations) is the same
for every signed-in visitor with the same roles. A view decorated with `shared_page` is therefore
rendered once per address, language, time zone and *audience* (the visitor's roles) and kept in
the shared cache under the content generation (core.page_cache), so publishing forgets it. The
personal parts are left as holes in the kept body:

- `{% personal_include "template.html" %}` (core.templatetags.personal) keeps a marker; each
  request renders the template with its own user, messages and unread count;
- a *choice* keeps both versions of a fragment, rendered once, and a predicate picks one per
  request: `{% personal_if "city_official_of" city.pk %}...{% endpersonal_if %}`, the Follow
  button ("follows": one query for the page's buttons together), the Edit link ("may_edit").
  Predicates are registered by the app that knows the answer (`personal_predicate_register`);
- the CSRF token is a placeholder replaced by the request's own token.

While the shared body is rendered, `request.user` is an `AudienceUser`: it answers what the
audience shares (signed in, roles, staff) and records any other question (an email, a city):
a page that asks one is rendered the ordinary way and not kept, so nobody's data can reach
another person through a shared body. A hit costs the session and user, one cache read for the
body with what its holes read from the cache (`personal_prefetch_register`: the reader's follows
and unread count), and a query per kind of hole that asks the database (an Edit link for a
reader who is not staff), instead of the view and its template.

A page about its one reader ("My portal") cannot be shared; `personal_page` keeps it for that
reader, with the same holes, and one small query per visit tells whether their rows changed.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import secrets
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from core.i18n import path_language
from core.middleware import TIME_ZONE_COOKIE
from core.page_cache import GENERATION_KEY
from core.roles import CITY_OFFICIAL, role_names
from core.time_zones import valid_time_zone

logger = logging.getLogger("core.shared_pages")

KEY_PREFIX = "shared-page:v1:"
# Stands for the request's CSRF token in a shared body; only letters, as a real token.
CSRF_PLACEHOLDER = "SHAREDPAGECSRFTOKENPLACEHOLDERxSHAREDPAGECSRFTOKENPLACEHOLDERxSHAR"
# "shared" (from the cache), "shared-miss", "personal" (not kept); "own", "own-miss" (kept for
# its one reader: `personal_page`)
RENDER_HEADER = "X-Page-Render"
KEPT_HEADERS = {"content-type", "content-language", "link"}


# --- The audience: what a shared body may know of its reader ------------------------------------


class AudienceUser:
    """Stands in for `request.user` while a shared body renders.

    It is signed in and has the real user's roles (the audience is part of the cache key), and
    nothing else: any other attribute read is recorded, and the page is then not shared.
    """

    is_authenticated = True
    is_anonymous = False
    is_active = True
    pk = None
    id = None

    def __init__(self, user, render: SharedRender):
        self._real = user
        self._render = render
        self.is_staff = bool(user.is_staff)
        self.is_superuser = bool(user.is_superuser)
        self._role_names = set(role_names(user))

    def has_role(self, role: str) -> bool:
        return self.is_superuser or role in self._role_names

    def __getattr__(self, name):
        # Only reached for what the class does not answer: personal data.
        self._render.personal_reads.add(name)
        raise AttributeError(name)

    def __str__(self):
        self._render.personal_reads.add("__str__")
        return ""


def audience(user) -> str:
    """Who shares a body: the visitor's roles (superusers apart)."""
    roles = ",".join(sorted(role_names(user)))
    return f"{'superuser' if user.is_superuser else 'user'}:{roles}"


# --- Holes --------------------------------------------------------------------------------------


@dataclass
class SharedRender:
    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    holes: list = field(default_factory=list)  # (kind, payload)
    personal_reads: set = field(default_factory=set)

    def hole(self, kind: str, payload: dict) -> SafeString:
        self.holes.append((kind, payload))
        # Only the random hex nonce and a number: nothing of the page's content or the user's.
        return mark_safe(f"<!--{self.nonce}:{len(self.holes) - 1}-->")  # noqa: S308


def shared_render(request) -> SharedRender | None:
    """The shared rendering in progress for `request`, if any (tags leave holes then)."""
    return getattr(request, "_shared_render", None) if request is not None else None


# predicate(request, args: list) -> list[bool]: one answer per hole, worked out together.
Predicate = Callable[[object, list], list]
_PREDICATES: dict[str, Predicate] = {}


def personal_predicate_register(name: str, predicate: Predicate) -> None:
    _PREDICATES[name] = predicate


def personal_predicate(name: str) -> Predicate:
    return _PREDICATES[name]


def _city_official_of(request, city_ids: list) -> list[bool]:
    user = request.user
    official = user.is_authenticated and user.has_role(CITY_OFFICIAL)
    return [official and user.city_id == city_id for city_id in city_ids]


personal_predicate_register("city_official_of", _city_official_of)


# provider(request) -> dict: what personal templates may show (the unread count...).
_PERSONAL_CONTEXT: list[Callable[[object], dict]] = []


def personal_context_register(provider: Callable[[object], dict]) -> None:
    """Apps add what their personal templates need, as context processors do for pages."""
    if provider not in _PERSONAL_CONTEXT:
        _PERSONAL_CONTEXT.append(provider)


# key_for(request) -> a cache key or None: a value a personal part reads from the cache (the
# reader's follows and unread count), read in the same round trip as the kept body.
_PERSONAL_PREFETCH: list[Callable[[object], str | None]] = []
_PREFETCHED = "_personal_prefetched"


def personal_prefetch_register(key_for: Callable[[object], str | None]) -> None:
    """Apps name a cache key their personal parts will read, so that a kept page asks for it
    with its body: a signed-in page served from the cache then needs no other round trip."""
    if key_for not in _PERSONAL_PREFETCH:
        _PERSONAL_PREFETCH.append(key_for)


def personal_prefetched(request, key: str) -> tuple[bool, object]:
    """(True, the value kept or None) when `key` was read with this request's kept body;
    (False, None) when it was not asked (the page is not kept, or its body was not read)."""
    prefetched = getattr(request, _PREFETCHED, None)
    if prefetched is None or key not in prefetched:
        return False, None
    return True, prefetched[key]


def _fill_templates(request, payloads: list[dict]) -> list[str]:
    context = {
        "request": request,
        "user": request.user,
        "messages": get_messages(request),
        "csrf_token": CSRF_PLACEHOLDER,
    }
    for provider in _PERSONAL_CONTEXT:
        context.update(provider(request))
    return [get_template(payload["template"]).render(context) for payload in payloads]


def _fill_choices(request, payloads: list[dict]) -> list[str]:
    by_predicate = defaultdict(list)
    for index, payload in enumerate(payloads):
        by_predicate[payload["predicate"]].append(index)
    filled = [""] * len(payloads)
    for name, indexes in by_predicate.items():
        answers = personal_predicate(name)(request, [payloads[i]["arg"] for i in indexes])
        for index, yes in zip(indexes, answers, strict=True):
            filled[index] = payloads[index]["yes" if yes else "no"]
    return filled


_FILLERS = {"template": _fill_templates, "choice": _fill_choices}


def _filled(request, body: str, nonce: str, holes: list) -> str:
    by_kind = defaultdict(list)
    for index, (kind, _payload) in enumerate(holes):
        by_kind[kind].append(index)
    html = [""] * len(holes)
    for kind, indexes in by_kind.items():
        for index, text in zip(
            indexes, _FILLERS[kind](request, [holes[i][1] for i in indexes]), strict=True
        ):
            html[index] = text
    pattern = re.compile(rf"<!--{nonce}:(\d+)-->")
    body = pattern.sub(lambda match: html[int(match.group(1))], body)
    if CSRF_PLACEHOLDER in body:
        body = body.replace(CSRF_PLACEHOLDER, get_token(request))
    return body


def csrf_placeholder(request) -> dict:
    """Context processor (after Django's csrf one): a shared body carries a placeholder token."""
    if shared_render(request) is not None:
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}


# --- The decorator ------------------------------------------------------------------------------


@dataclass
class SharedBody:
    generation: int
    status: int
    headers: list
    body: str
    nonce: str
    holes: list
    # For a page kept for its one reader (`personal_page`): what it showed was current at this
    # version of their data.
    version: object = None


def _may_share(request) -> bool:
    user = getattr(request, "user", None)
    return (
        settings.SHARED_PAGE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and user is not None
        and user.is_authenticated
        and "Authorization" not in request.headers
    )


def _key(request, *, reader: str = "") -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    # The zone times are shown in: the profile's, else the browser's (VisitorTimeZoneMiddleware).
    zone = (
        getattr(request, "visitor_time_zone", None)
        or valid_time_zone(request.COOKIES.get(TIME_ZONE_COOKIE))
        or "UTC"
    )
    raw = "\n".join(
        (
            request.scheme,
            host,
            request.get_full_path(),
            path_language(request.path_info),
            zone,
            request.headers.get("Accept", ""),
            reader or audience(request.user),
        )
    )
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _response(request, shared: SharedBody, how: str) -> HttpResponse:
    response = HttpResponse(
        _filled(request, shared.body, shared.nonce, shared.holes), status=shared.status
    )
    for header, value in shared.headers:
        response[header] = value
    response[RENDER_HEADER] = how
    return response


def _render_shared(
    view, request, args, kwargs, *, for_audience: bool = True
) -> tuple[HttpResponse, SharedBody | None, set]:
    """Render the view for the audience (or, with `for_audience=False`, for its reader alone,
    with the same holes): (response, the body to keep or None where the page asked who the
    reader is, what it asked)."""
    render = SharedRender()
    real_user = request.user
    request._shared_render = render
    if for_audience:
        request.user = AudienceUser(real_user, render)
    try:
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
    finally:
        request.user = real_user
        del request._shared_render
    if render.personal_reads or response.streaming:
        return response, None, render.personal_reads
    shared = SharedBody(
        generation=0,
        status=response.status_code,
        headers=[(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS],
        body=response.content.decode(response.charset),
        nonce=render.nonce,
        holes=render.holes,
    )
    return response, shared, set()


def _kept(request, key: str, version=None) -> tuple[SharedBody | None, int]:
    """(the body kept under `key` if it is still current, the content generation), and what the
    personal parts will read (`personal_prefetch_register`), in one round trip."""
    wanted = [k for k in (key_for(request) for key_for in _PERSONAL_PREFETCH) if k]
    found = cache.get_many([key, GENERATION_KEY, *wanted])
    setattr(request, _PREFETCHED, {k: found.get(k) for k in wanted})
    generation = found.get(GENERATION_KEY, 0)
    kept = found.get(key)
    if kept is not None and kept.generation == generation and kept.version == version:
        return kept, generation
    return None, generation


def _keep(key: str, body: SharedBody, response, *, generation: int, version=None) -> None:
    """Keep a body just rendered, under the generation (and version) read before rendering it."""
    body.generation, body.version = generation, version
    if body.status == 200 and not response.cookies:
        cache.set(key, body, settings.SHARED_PAGE_SECONDS)


def shared_page(view):
    """Serve a signed-in GET of `view` from a body shared by its audience (see the module)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _may_share(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        kept, generation = _kept(request, key)
        if kept is not None:
            return _response(request, kept, "shared")
        response, shared, reads = _render_shared(view, request, args, kwargs)
        if shared is None:
            # The page asked who the reader is: render it for them alone.
            logger.info("not shared: %s reads %s", request.path, ", ".join(sorted(reads)))
            response = view(request, *args, **kwargs)
            response[RENDER_HEADER] = "personal"
            return response
        _keep(key, shared, response, generation=generation)
        return _response(request, shared, "shared-miss")

    return wrapper


def personal_page(version: Callable[[object], object]):
    """Serve a signed-in GET of a page about its reader (their registrations, requests...) from
    a body kept for that reader alone, while `version(request)` stays the same.

    `version` is the reader's side of the page in a few small values (counts and latest changes of
    their rows, read in one query, and what the page shows of their account); the content
    generation covers the public items the page names, and the body is kept for
    SHARED_PAGE_SECONDS at most, so what no version sees (time passing) shows within that. The
    header, flash messages, Follow buttons and the CSRF token are holes filled per request, as in
    a shared body. `version` returns None where the page must be rendered afresh (for UN staff,
    whose desk counts everyone's rows).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _may_share(request):
                return view(request, *args, **kwargs)
            stamp = version(request)
            key = None if stamp is None else _key(request, reader=f"reader:{request.user.pk}")
            if key is None:
                return view(request, *args, **kwargs)
            kept, generation = _kept(request, key, stamp)
            if kept is not None:
                return _response(request, kept, "own")
            response, body, _reads = _render_shared(view, request, args, kwargs, for_audience=False)
            if body is None:
                return response
            _keep(key, body, response, generation=generation, version=stamp)
            return _response(request, body, "own-miss")

        return wrapper

    return decorator
