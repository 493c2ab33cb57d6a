"""Pages of a collaboration request: the form, "My requests", the review queue and the request.

Views stay thin: who may open a page here; the spam checks and the workflow in
collaboration_services, which the API calls too.
Someone who may not see a request gets 404 (its existence is not theirs to know); someone who
sees it but may not take an action gets 403.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.pages import form_filtered_list_page_render
from core.views import action_run, own_page, private_download, signed_in_post

from . import collaboration_selectors as selectors
from . import collaboration_services as services
from .collaboration_forms import (
    AcceptForm,
    AssignForm,
    CollaborationRequestForm,
    DeclineForm,
    MessageForm,
    ReviewQueueFilterForm,
)
from .collaboration_guards import HONEYPOT_FIELD, STARTED_FIELD, started_token
from .models import CollaborationStatus

QUEUE_PAGE_SIZE = 25


def _form_page(request, form, *, status=200, refusal="", duplicate=None):
    return render(
        request,
        "collaboration/request_form.html",
        {
            "form": form,
            "organization": form.organization,
            "started_token": started_token(),
            "refusal": refusal,
            "duplicate": duplicate,
            "is_reviewer": services.can_review(request.user),
            "breadcrumbs": [(_("Request collaboration"), "")],
        },
        status=status,
    )


# Signing in brings the person back here with the target still in the query string.
@login_required
def collaboration_request_new(request):
    if not services.can_submit(request.user):
        if services.can_review(request.user):
            # Staff reach this page from the "Request collaboration" buttons on every pilot; the
            # first-contact rule is for requesters, so they are shown where their work is
            # instead of being asked to confirm an address. Only a submission is refused.
            return render(
                request,
                "collaboration/staff_not_requester.html",
                {"breadcrumbs": [(_("Request collaboration"), "")]},
                status=403 if request.method == "POST" else 200,
            )
        return render(
            request,
            "collaboration/not_eligible.html",
            {"breadcrumbs": [(_("Request collaboration"), "")]},
            status=403,
        )
    organization = (
        request.user.organization if services.is_partner_with_organization(request.user) else None
    )
    if request.method != "POST":
        form = CollaborationRequestForm(
            user=request.user,
            organization=organization,
            initial=CollaborationRequestForm.initial_from(request.GET, user=request.user),
        )
        return _form_page(request, form)

    form = CollaborationRequestForm(request.POST, user=request.user, organization=organization)
    if not form.is_valid():
        return _form_page(request, form)
    data = form.cleaned_data
    try:
        collaboration_request = services.collaboration_request_submit(
            requester=request.user,
            kind=data["kind"],
            message=data["message"],
            contact_preferences=data["contact_preferences"],
            organization_name=data.get("organization_name", ""),
            from_city=data.get("from_city"),
            topic=data.get("topic"),
            client_ip=request.META.get("REMOTE_ADDR"),
            form=services.FormEvidence(
                honeypot=request.POST.get(HONEYPOT_FIELD, ""),
                started_token=request.POST.get(STARTED_FIELD, ""),
            ),
            **data["target"],
        )
    except services.SubmissionRateLimited as limited:
        response = _form_page(
            request,
            form,
            status=429,
            refusal=f"{limited} {_('Your text is kept below.')}",
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    except (services.DuplicateRequest, services.FormAlreadySent) as conflict:
        # Only the person's own earlier request is linked: a colleague's is not theirs to open.
        return _form_page(
            request, form, status=409, refusal=str(conflict), duplicate=conflict.own_request
        )
    except services.CollaborationError as error:
        return _form_page(request, form, status=400, refusal=str(error))
    messages.success(
        request,
        _("Your request is sent. UN staff will review it; you can follow it here."),
    )
    return redirect("collaboration:detail", pk=collaboration_request.pk)


collaboration_request_mine = own_page(
    "collaboration/my_requests.html",
    breadcrumbs=[(gettext_lazy("My collaboration requests"), "")],
    collaboration_requests=selectors.collaboration_requests_of,
)


@login_required
def collaboration_review_queue(request):
    if not services.can_review(request.user):
        # Requesters land here from old links or a colleague's email: say why and where to go.
        return render(
            request,
            "collaboration/review_staff_only.html",
            {"breadcrumbs": [(_("Collaboration requests to review"), "")]},
            status=403,
        )
    return form_filtered_list_page_render(
        request,
        "collaboration/review_queue.html",
        filters=ReviewQueueFilterForm(request.GET or None),
        # The form's fields are the selector's filters (cluster, kind, status, age).
        items=lambda chosen: selectors.collaboration_review_queue(**chosen),
        per_page=QUEUE_PAGE_SIZE,
        name="collaboration_requests",
        breadcrumbs=[(_("Collaboration requests to review"), "")],
    )


def _visible_request(request, pk):
    """The request if the signed-in person may see it; 404 otherwise."""
    collaboration_request = selectors.collaboration_request_detail(pk=pk)
    if collaboration_request is None or not services.can_view(request.user, collaboration_request):
        raise Http404
    return collaboration_request


@login_required
def collaboration_request_detail(request, pk):
    return _detail_page(request, _visible_request(request, pk))


def _detail_page(
    request,
    collaboration_request,
    *,
    message_form=None,
    accept_form=None,
    decline_form=None,
    status=200,
):
    """The request's page; after a refused message or decision, with that form bound (text kept,
    errors beside the fields) and `status` 400, as the portal's other forms answer."""
    is_reviewer = services.can_review(request.user)
    allowed = services.WORKFLOW.transitions[collaboration_request.status]
    context = {
        "collaboration_request": collaboration_request,
        "is_reviewer": is_reviewer,
        "is_requester": collaboration_request.requester_id == request.user.pk,
        "can_start_review": is_reviewer and CollaborationStatus.UNDER_REVIEW in allowed,
        "can_decide": is_reviewer and CollaborationStatus.ACCEPTED in allowed,
        "can_withdraw": collaboration_request.requester_id == request.user.pk
        and CollaborationStatus.WITHDRAWN in allowed,
        "message_form": message_form or MessageForm(),
        "max_upload_mb": settings.MAX_UPLOAD_MB,
        "breadcrumbs": [
            (
                (_("Collaboration requests to review"), reverse("collaboration:review"))
                if is_reviewer
                else (_("My collaboration requests"), reverse("collaboration:mine"))
            ),
            (str(collaboration_request.target), ""),
        ],
    }
    if is_reviewer:
        context["accept_form"] = accept_form or AcceptForm(
            prefix="accept",
            initial={
                "project": collaboration_request.project,
                "partner_role": "technical"
                if collaboration_request.kind == "technical_expertise"
                else "",
            },
        )
        context["note_form"] = decline_form or DeclineForm(prefix="decline")
        context["assign_form"] = AssignForm(
            initial={"assignee": collaboration_request.assigned_to_id}
        )
    return render(request, "collaboration/request_detail.html", context, status=status)


def _action(request, pk, *, reviewer_only=False, requester_only=False):
    """The request an action is about, or the response that refuses the action."""
    collaboration_request = _visible_request(request, pk)
    if reviewer_only and not services.can_review(request.user):
        raise PermissionDenied
    if requester_only and collaboration_request.requester_id != request.user.pk:
        raise PermissionDenied
    return collaboration_request


def _run(request, collaboration_request, change, success_message, **kwargs):
    return action_run(
        request,
        lambda: change(request=collaboration_request, actor=request.user, **kwargs),
        refused=services.CollaborationError,
        done_message=success_message,
        next_url=reverse("collaboration:detail", kwargs={"pk": collaboration_request.pk}),
    )


@signed_in_post("collaboration:detail")
def collaboration_request_start_review(request, pk):
    collaboration_request = _action(request, pk, reviewer_only=True)
    return _run(
        request,
        collaboration_request,
        services.collaboration_request_start_review,
        _("The request is under review."),
    )


@signed_in_post("collaboration:detail")
def collaboration_request_accept(request, pk):
    collaboration_request = _action(request, pk, reviewer_only=True)
    form = AcceptForm(request.POST, prefix="accept")
    if not form.is_valid():
        # The page comes back with the note and the choices kept, the reason beside them.
        return _detail_page(request, collaboration_request, accept_form=form, status=400)
    try:
        services.collaboration_request_accept(
            request=collaboration_request,
            actor=request.user,
            **{
                name: form.cleaned_data[name]
                for name in ("note", "outcome", "project", "partner_role", "new_pilot_title")
            },
        )
    except services.CollaborationError as refusal:
        if refusal.field:
            # Beside the choice it is about, with everything typed kept (a redirect lost it all).
            form.add_error(refusal.field, str(refusal))
            return _detail_page(request, collaboration_request, accept_form=form, status=400)
        # About the request itself (decided meanwhile, say): the page may no longer offer the form.
        messages.error(request, str(refusal))
        return redirect("collaboration:detail", pk=collaboration_request.pk)
    messages.success(request, _("The request is accepted; the requester is told."))
    return redirect("collaboration:detail", pk=collaboration_request.pk)


@signed_in_post("collaboration:detail")
def collaboration_request_decline(request, pk):
    collaboration_request = _action(request, pk, reviewer_only=True)
    form = DeclineForm(request.POST, prefix="decline")
    if not form.is_valid():
        # Unconfirmed, or a note too long: nothing is decided and the note typed is kept (it
        # was dropped before, and the request declined without it).
        return _detail_page(request, collaboration_request, decline_form=form, status=400)
    return _run(
        request,
        collaboration_request,
        services.collaboration_request_decline,
        _("The request is declined; the requester is told."),
        note=form.cleaned_data["note"],
    )


@signed_in_post("collaboration:detail")
def collaboration_request_withdraw(request, pk):
    collaboration_request = _action(request, pk, requester_only=True)
    return _run(
        request,
        collaboration_request,
        services.collaboration_request_withdraw,
        _("Your request is withdrawn."),
    )


@signed_in_post("collaboration:detail")
def collaboration_request_assign(request, pk):
    collaboration_request = _action(request, pk, reviewer_only=True)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a UN staff member from the list."))
        return redirect("collaboration:detail", pk=pk)
    return _run(
        request,
        collaboration_request,
        services.collaboration_request_assign,
        _("The assignment is saved."),
        assignee=form.cleaned_data["assignee"],
    )


@signed_in_post("collaboration:detail")
def collaboration_request_post_message(request, pk):
    collaboration_request = _action(request, pk)
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.collaboration_request_post_message(
                request=collaboration_request,
                author=request.user,
                body=form.cleaned_data["body"],
                attachment=form.cleaned_data["attachment"],
            )
        except services.AttachmentRefused as refusal:
            form.add_error("attachment", str(refusal))
        except services.CollaborationError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your message is sent."))
            return redirect(reverse("collaboration:detail", kwargs={"pk": pk}) + "#conversation")
    # Nothing is lost: the page comes back with the message typed and the reason by the field.
    return _detail_page(request, collaboration_request, message_form=form, status=400)


@login_required
def collaboration_attachment(request, pk, message_pk):
    collaboration_request = _visible_request(request, pk)
    message = next(
        (m for m in collaboration_request.messages.all() if m.pk == message_pk and m.attachment),
        None,
    )
    if message is None:
        raise Http404
    return private_download(message.attachment, filename=message.attachment_name)
