"""The Content-Security-Policy is built once per kind of page, and says what django-csp says."""

from csp.constants import NONCE
from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware_security import ContentSecurityPolicyMiddleware

HEADER = "Content-Security-Policy"


def _answer(middleware, path, response=None, *, nonce=False):
    request = RequestFactory().get(path)
    middleware.process_request(request)
    if nonce:
        str(request.csp_nonce)  # what a template's {{ request.csp_nonce }} does
    return middleware.process_response(request, response or HttpResponse("page"))


def _ours():
    return ContentSecurityPolicyMiddleware(lambda request: HttpResponse("page"))


def _directives(response) -> dict:
    return {part.split()[0]: part.split()[1:] for part in response[HEADER].split(";")}


def _built_by_django_csp():
    # A response a view "changed" with an empty update goes through django-csp whole.
    response = HttpResponse("page")
    response._csp_update = {}
    return response


def test_each_kind_of_page_gets_the_policy_django_csp_builds_for_it():
    ours = _ours()
    for path in ("/clusters/", "/fr/cities/", "/api/docs/", "/api/v1/clusters/"):
        expected = _directives(_answer(_ours(), path, _built_by_django_csp()))
        for _ in range(2):  # built, then reused
            assert _directives(_answer(ours, path)) == expected, path
    assert "'unsafe-inline'" in _answer(ours, "/api/docs/")[HEADER]
    assert "'unsafe-inline'" not in _answer(ours, "/clusters/")[HEADER]


def test_a_response_a_view_changes_gets_its_own_policy_and_the_next_one_does_not():
    ours = _ours()
    _answer(ours, "/clusters/")
    changed = HttpResponse("map")
    changed._csp_update = {"img-src": ["https://tiles.example.org"]}

    assert "https://tiles.example.org" in _answer(ours, "/map/", changed)[HEADER]
    assert "https://tiles.example.org" not in _answer(ours, "/map/")[HEADER]


def test_a_page_that_asked_for_a_nonce_has_its_own_in_its_policy(settings):
    policy = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = {
        **policy,
        "DIRECTIVES": {**policy["DIRECTIVES"], "script-src": ["'self'", NONCE]},
    }
    ours = _ours()
    _answer(ours, "/clusters/")

    first = _directives(_answer(ours, "/clusters/", nonce=True))["script-src"]
    second = _directives(_answer(ours, "/clusters/", nonce=True))["script-src"]

    assert first[1].startswith("'nonce-") and second[1].startswith("'nonce-")
    assert first != second
    assert _directives(_answer(ours, "/clusters/"))["script-src"] == ["'self'"]


def test_a_header_the_view_set_itself_is_kept():
    response = HttpResponse("page")
    response[HEADER] = "default-src 'none'"

    assert _answer(_ours(), "/clusters/", response)[HEADER] == "default-src 'none'"


def test_the_policy_of_a_kind_of_page_is_built_once(calls_to):
    import csp.middleware

    built = calls_to(csp.middleware, "build_policy")
    ours = _ours()
    _answer(ours, "/clusters/")
    first = len(built)

    for path in ("/clusters/", "/fr/cities/", "/events/"):
        _answer(ours, path)

    assert first > 0
    assert len(built) == first
