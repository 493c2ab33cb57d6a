"""The signed-in person's pages (profile, role requests, deleting the account) and the review
page where UN staff decide role requests. Sign-up, sign-in and passwords are allauth's views."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from core.pages import form_filtered_list_page_render
from core.roles import ALL_ROLES, ROLE_LABELS, is_editor
from core.time_zones import zone_label

from . import selectors, services
from .forms import (
    COMMON_TIME_ZONES,
    AccountDeleteForm,
    ProfileForm,
    RoleRequestDecisionForm,
    RoleRequestFilterForm,
    RoleRequestForm,
)
from .language import language_cookie_set
from .models import RoleRequestStatus

REVIEW_PAGE_SIZE = 25


def editor_required(view):
    """Signed-in UN staff (or a superuser) only: others are sent to sign in or refused."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied(_("Only UN staff review role requests."))
        return view(request, *args, **kwargs)

    return wrapper


def _profile_breadcrumbs(*extra):
    return [(_("Your profile"), reverse("accounts:profile") if extra else ""), *extra]


def _profile_form_page(request, template: str, title: str, form):
    """A form page under "Your profile" (asking for a role, deleting the account)."""
    return render(
        request, template, {"form": form, "breadcrumbs": _profile_breadcrumbs((title, ""))}
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=user, **form.cleaned_data)
        # A language chosen here is the one the site speaks from the next page on. A save that
        # leaves the preference as it was keeps the page's language: an official reading the
        # English pages is not sent to their preferred Arabic ones by saving their time zone.
        language_changed = "preferred_language" in form.changed_data
        if language_changed:
            translation.activate(form.cleaned_data["preferred_language"])
        messages.success(request, _("Your profile was saved."))
        response = redirect("accounts:profile")
        if language_changed:
            language_cookie_set(response, form.cleaned_data["preferred_language"])
        return response
    if request.method == "POST":
        # Reset what the invalid form changed on the user object so the page shows saved values.
        user.refresh_from_db()
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "time_zones": [zone_label(zone) for zone in COMMON_TIME_ZONES],
            "roles": [ROLE_LABELS[role] for role in ALL_ROLES if user.has_role(role)],
            "reviews_role_requests": is_editor(user),
            "subscriptions": selectors.followed_by_user(user=user),
            "role_requests": selectors.role_requests_of_user(user=user),
            "breadcrumbs": _profile_breadcrumbs(),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def role_request_create(request):
    form = RoleRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.role_request_submit(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your request was sent. UN staff will review it and let you know.")
            )
            return redirect("accounts:profile")
    return _profile_form_page(request, "accounts/role_request_form.html", _("Ask for a role"), form)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account was deleted. Thank you for taking part."))
        return redirect("portal:home")
    return _profile_form_page(request, "accounts/account_delete.html", _("Delete my account"), form)


@never_cache
@editor_required
@require_http_methods(["GET"])
def role_request_review_list(request):
    return _role_request_list_page(request)


def _role_request_list_page(request, *, refused=None):
    """The review queue; `refused` is a decision form that did not validate, shown again on its
    request with its errors and the note as typed."""
    response = form_filtered_list_page_render(
        request,
        "accounts/role_request_review.html",
        filters=RoleRequestFilterForm(request.GET or {"status": RoleRequestStatus.PENDING}),
        items=lambda criteria: selectors.role_requests_for_review(
            status=criteria.get("status", ""),
            role=criteria.get("role", ""),
            query=criteria.get("q", ""),
        ),
        per_page=REVIEW_PAGE_SIZE,
        name="role_requests",
        refused=refused,
        breadcrumbs=[(_("Role requests"), "")],
    )
    if refused is not None:
        response.status_code = 400
    return response


@editor_required
@require_POST
def role_request_decide(request, pk):
    role_request = selectors.role_request_get_pending(pk=pk)
    form = RoleRequestDecisionForm(request.POST)
    if not form.is_valid():
        return _role_request_list_page(request, refused={"pk": role_request.pk, "form": form})
    decide = (
        services.role_request_approve
        if form.cleaned_data["decision"] == "approve"
        else services.role_request_decline
    )
    if decide(role_request=role_request, reviewer=request.user, note=form.cleaned_data["note"]):
        if form.cleaned_data["decision"] == "approve":
            message = _("%(user)s is now %(role)s (%(target)s).")
        else:
            message = _("The request of %(user)s to be %(role)s (%(target)s) was declined.")
        messages.success(
            request,
            message
            % {
                "user": role_request.user,
                "role": role_request.get_role_display(),
                "target": role_request.target,
            },
        )
    else:
        messages.warning(request, _("Another reviewer decided this request first."))
    return redirect("accounts:role-request-list")
