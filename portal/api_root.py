"""The API's front page, `/api/v1/`: what the API is, how to use it, and every endpoint.

The endpoint list is built from the URLconf (`portal/api_urls.py`: the router's registry and
the paths beside it), so an endpoint added there appears here without anyone remembering to.
JSON for programs (`Accept: application/json`, `?format=json`), a page of the site for people.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions
from rest_framework.renderers import JSONRenderer, TemplateHTMLRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

# The ways an endpoint is used, in the order a reader expects them.
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
# A router's viewset action and the method it answers.
_ACTIONS = {
    "list": "GET",
    "retrieve": "GET",
    "create": "POST",
    "update": "PUT",
    "partial_update": "PATCH",
    "destroy": "DELETE",
}


@dataclass(frozen=True)
class Endpoint:
    """One entry of the API root: where it is, what it answers, and what it is for."""

    name: str  # the path below /api/v1/ without slashes: "clusters", "me/token"
    url_name: str  # the list (or only) URL's name, for reverse()
    view: type  # the viewset or APIView class
    lookup: str = ""  # how one item is named in its detail URL ("slug", "id"); "" for none
    description: str = ""

    def methods(self) -> list[str]:
        allowed = {name.upper() for name in self.view.http_method_names}
        if hasattr(self.view, "get_extra_actions"):  # a viewset: its actions say what it answers
            answered = {method for action, method in _ACTIONS.items() if hasattr(self.view, action)}
        else:
            answered = {name.upper() for name in _METHODS if hasattr(self.view, name.lower())}
        return [method for method in _METHODS if method in answered & allowed]

    def actions(self) -> list[tuple[str, list[str]]]:
        """A viewset's extra actions: (path below the endpoint, methods), such as "{id}/read/"."""
        if not hasattr(self.view, "get_extra_actions"):
            return []
        found = []
        for action in self.view.get_extra_actions():
            where = (
                f"{{{self.lookup}}}/{action.url_path}/" if action.detail else f"{action.url_path}/"
            )
            methods = {method.upper() for method in action.mapping}
            found.append((where, [method for method in _METHODS if method in methods]))
        return found


def _describe(view) -> str:
    doc = (view.__doc__ or "").strip()
    return doc.split("\n\n")[0].replace("\n", " ") if doc else ""


def endpoints_from(router, paths, descriptions) -> list[Endpoint]:
    """Every endpoint of the router's registry and of the plain `paths`, in URLconf order."""
    found = []
    for pattern in paths:
        found.append(
            Endpoint(
                name=str(pattern.pattern).strip("/"),
                url_name=pattern.name,
                view=pattern.callback.view_class,
            )
        )
    for prefix, viewset, basename in router.registry:
        lookup = getattr(viewset, "lookup_field", "pk")
        found.append(
            Endpoint(
                name=prefix,
                url_name=f"{basename}-list",
                view=viewset,
                lookup="id" if lookup == "pk" else lookup,
            )
        )
    return [
        Endpoint(
            name=endpoint.name,
            url_name=endpoint.url_name,
            view=endpoint.view,
            lookup=endpoint.lookup,
            description=str(descriptions.get(endpoint.name) or _describe(endpoint.view)),
        )
        for endpoint in found
    ]


class ApiRootHTMLRenderer(TemplateHTMLRenderer):
    template_name = "api/root.html"


class ApiRootView(APIView):
    """What the API is, how to sign requests, its limits, its documentation and its endpoints."""

    permission_classes = [permissions.AllowAny]
    # JSON first: a program that asks for nothing in particular gets JSON; a browser, which
    # names text/html, gets the page.
    renderer_classes = [JSONRenderer, ApiRootHTMLRenderer]
    schema = None  # not an operation of the API: the documentation's own front page
    endpoints: tuple[Endpoint, ...] = ()

    def get(self, request, *args, **kwargs):
        return Response(self.describe(request))

    def describe(self, request) -> dict:
        absolute = request.build_absolute_uri
        rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
        return {
            "name": str(_("South-South Cities Clusters API")),
            "version": "v1",
            "description": str(
                _(
                    "Open data on the cities of the Global South that exchange knowledge in "
                    "UNOSSC's seven thematic clusters: clusters, cities, pilots, events, "
                    "training series, opportunities, the knowledge library, partner "
                    "organizations, the map and the programme's figures. Reading needs no "
                    "account."
                )
            ),
            "documentation": {
                "schema": absolute(reverse("api-schema")),
                "swagger_ui": absolute(reverse("api-docs")),
                "redoc": absolute(reverse("api-redoc")),
                "tokens": absolute(reverse("api-tokens")),
            },
            "authentication": str(
                _(
                    "Anonymous clients read everything public. To write, or to read your own "
                    "registrations, requests and notifications, send a personal token "
                    "(created on the tokens page or with POST me/token/) as "
                    '"Authorization: Token <key>", or use the site\'s session cookie with '
                    "its CSRF token. Without an account a write is a 401; without the right, "
                    "a 403."
                )
            ),
            "languages": {
                "available": [code for code, _name in settings.LANGUAGES],
                "note": str(
                    _(
                        "Answers speak the language of ?lang= (en, fr, es, ar, zh-hans, ru), "
                        "else of the Accept-Language header, and say it in Content-Language; "
                        "content comes as it was written."
                    )
                ),
            },
            "pagination": str(
                _(
                    "Lists come in pages of 20 as {count, next, previous, results}; ask for "
                    "another with ?page= and for up to 100 a page with ?page_size=."
                )
            ),
            "rate_limits": {
                "anonymous": rates["anon"],
                "signed_in": rates["user"],
                "writes": rates["write"],
                "note": str(
                    _(
                        "Counted per client in fixed windows; past the limit the answer is a "
                        "429 with Retry-After, the seconds to wait."
                    )
                ),
            },
            "errors": str(
                _(
                    'Errors are JSON: {"error": {"status", "code", "message", "fields"}}, '
                    "fields only on a 400."
                )
            ),
            "endpoints": [self._endpoint(endpoint, absolute) for endpoint in self.endpoints],
        }

    @staticmethod
    def _endpoint(endpoint: Endpoint, absolute) -> dict:
        # Placeholders ("{slug}") are added after build_absolute_uri, which would escape them.
        path, url = reverse(endpoint.url_name), absolute(reverse(endpoint.url_name))
        item = f"{{{endpoint.lookup}}}/" if endpoint.lookup else None
        return {
            "name": endpoint.name,
            "url": url,
            "path": path,
            "item_url": url + item if item else None,
            "item_path": path + item if item else None,
            "methods": endpoint.methods(),
            "actions": [
                {"url": url + where, "path": path + where, "methods": methods}
                for where, methods in endpoint.actions()
            ],
            "description": endpoint.description,
        }
