"""The Follow and Unfollow buttons: a confirmation page for a link, the change for a POST."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .registry import followable
from .services import subscription_follow, subscription_unfollow


def _target(data):
    kind = followable(data.get("target_type", ""))
    if kind is None:
        raise Http404("Nothing of that kind can be followed.")
    return get_object_or_404(kind.objects(), slug=data.get("slug", ""))


def _safe_next(request, data, fallback):
    next_url = data.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


def _change(request, *, follow: bool):
    data = request.POST if request.method == "POST" else request.GET
    target = _target(data)
    if not request.user.is_authenticated:
        # After signing in the visitor lands on the confirmation page, never on a silent change.
        confirm_url = request.get_full_path() if request.method == "GET" else None
        return redirect_to_login(
            confirm_url or _safe_next(request, data, target.get_absolute_url()),
            settings.LOGIN_URL,
        )
    if request.method == "GET":
        # A link must not change anything: ask for a click on a real button.
        return render(
            request,
            "notifications/follow_confirm.html",
            {
                "target": target,
                "next": _safe_next(request, data, target.get_absolute_url()),
                "breadcrumbs": [(str(target), target.get_absolute_url()), (_("Follow"), "")],
            },
        )
    if follow:
        subscription_follow(user=request.user, target=target)
    else:
        subscription_unfollow(user=request.user, target=target)
    return HttpResponseRedirect(_safe_next(request, data, target.get_absolute_url()))


@require_http_methods(["GET", "POST"])
def follow(request):
    return _change(request, follow=True)


@require_http_methods(["POST"])
def unfollow(request):
    return _change(request, follow=False)
