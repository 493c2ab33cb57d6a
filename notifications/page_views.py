"""The notifications page, mark-as-read actions and the one-click unsubscribe page."""

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.i18n import path_in_language

from .registry import verb_label
from .selectors import notifications_for_user, reader_state
from .services import notification_mark_read, notifications_mark_all_read, unsubscribe_apply
from .unsubscribe import unsubscribe_describe

PAGE_SIZE = 30


@login_required
@require_GET
def notification_list(request):
    page = Paginator(notifications_for_user(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for notification in page:
        notification.verb_label = verb_label(notification.verb)
        # The page the notification names, in the language of this page.
        notification.url = path_in_language(notification.url, request.LANGUAGE_CODE)
    # An empty page says something else to a reader who follows things already.
    follows_something = not page.object_list and any(reader_state(request).followed.values())
    return render(
        request,
        "notifications/list.html",
        {"page_obj": page, "follows_something": follows_something},
    )


def _back(request, default="notifications:list"):
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(default)


@login_required
@require_POST
def notification_read(request, pk):
    notification_mark_read(user=request.user, notification_id=pk)
    return _back(request)


@login_required
@require_POST
def notification_read_all(request):
    notifications_mark_all_read(user=request.user)
    return _back(request)


# Mail clients POST the one-click request (RFC 8058) with no cookie and no CSRF token; the signed
# token is what proves the request comes from the email we sent.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        target = (
            unsubscribe_apply(token=token)
            if request.method == "POST"
            else unsubscribe_describe(token=token)
        )
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    return render(
        request,
        "notifications/unsubscribe.html",
        {"target": target, "done": request.method == "POST", "token": token},
    )
