"""Editorial pages of the library: resources, news and the review of city officials' proposals."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.editor import (
    PublicationRefused,
    can_edit,
    can_propose,
    editor_only,
    form_page,
    history_page,
    preview_page,
    publication_action,
    refuse_unless,
)
from core.roles import is_editor

from . import services
from .forms import ResourceForm, ResourceProposalForm, ReturnProposalForm
from .models import Resource, ResourceKind, ReviewState


def _resource_edit_url(resource):
    return reverse("resources:edit", kwargs={"slug": resource.slug})


# --- Resources and news -------------------------------------------------------------------------


def _files(request):
    return request.FILES if request.method == "POST" else None


def _data(request):
    return request.POST if request.method == "POST" else None


@editor_only
def resource_create(request):
    kind = request.GET.get("kind")
    initial = {"kind": kind} if kind in ResourceKind.values else None
    form = ResourceForm(_data(request), _files(request), initial=initial)
    return form_page(
        request,
        form=form,
        heading=_("New news item") if kind == ResourceKind.NEWS else _("New resource"),
        save=lambda: services.resource_create(actor=request.user, data=form.cleaned_data),
        success_url=_resource_edit_url,
        context={"multipart": True},
    )


def resource_edit(request, slug):
    """Editors edit any resource; a proposer edits (and resubmits) their own proposal."""
    resource = get_object_or_404(Resource, slug=slug)
    refusal = refuse_unless(request, can_edit(request.user, resource))
    if refusal:
        return refusal
    if is_editor(request.user):
        form = ResourceForm(_data(request), _files(request), instance=resource)

        def save():
            return services.resource_update(
                resource=resource, actor=request.user, data=form.cleaned_data
            )
    else:
        form = ResourceProposalForm(_data(request), _files(request), instance=resource)

        def save():
            return services.resource_propose(
                actor=request.user, data=form.cleaned_data, resource=resource
            )

    return form_page(
        request,
        form=form,
        heading=resource.title,
        save=save,
        success_url=_resource_edit_url,
        context={
            "obj": resource,
            "multipart": True,
            "is_proposal_form": not is_editor(request.user),
        },
    )


def resource_propose(request):
    refusal = refuse_unless(request, can_propose(request.user))
    if refusal:
        return refusal
    form = ResourceProposalForm(_data(request), _files(request))
    return form_page(
        request,
        form=form,
        heading=_("Propose a practice from %(city)s") % {"city": request.user.city.name},
        save=lambda: services.resource_propose(actor=request.user, data=form.cleaned_data),
        success_url=lambda saved: reverse("resources:my-proposals"),
        context={"multipart": True, "is_proposal_form": True},
    )


def resource_preview(request, slug):
    resource = get_object_or_404(Resource, slug=slug)
    refusal = refuse_unless(request, can_edit(request.user, resource))
    return refusal or preview_page(
        request,
        objs=[resource],
        obj=resource,
    )


@require_POST
@editor_only
def resource_publish(request, slug):
    resource = get_object_or_404(Resource, slug=slug)
    return publication_action(
        request,
        obj=resource,
        action=services.resource_publish,
        done_message=_("Published."),
        next_url=resource.get_absolute_url(),
    )


@require_POST
@editor_only
def resource_unpublish(request, slug):
    resource = get_object_or_404(Resource, slug=slug)
    return publication_action(
        request,
        obj=resource,
        action=services.resource_unpublish,
        done_message=_("Back to draft: the page is hidden from the public."),
        next_url=_resource_edit_url(resource),
    )


@editor_only
def resource_history(request, slug):
    resource = get_object_or_404(Resource, slug=slug)
    return history_page(request, obj=resource, back_url=_resource_edit_url(resource))


# --- Review of city officials' proposals ---------------------------------------------------------


@editor_only
def review_queue(request):
    proposals = Resource.objects.filter(review_state=ReviewState.PROPOSED).select_related(
        "proposed_by", "proposed_by__city"
    )
    returned = Resource.objects.filter(review_state=ReviewState.RETURNED).select_related(
        "proposed_by", "proposed_by__city"
    )
    return render(
        request,
        "editor/review_queue.html",
        {
            "proposals": proposals.order_by("updated_at"),
            "returned": returned.order_by("-updated_at"),
            "return_form": ReturnProposalForm(),
            "breadcrumbs": [(_("Editor"), reverse("editor-desk")), (_("Review"), "")],
        },
    )


@require_POST
@editor_only
def review_publish(request, pk):
    resource = get_object_or_404(Resource, pk=pk, review_state=ReviewState.PROPOSED)
    services.resource_publish(obj=resource, actor=request.user)
    messages.success(request, _("“%(title)s” is published.") % {"title": resource.title})
    return redirect("resources:review")


@require_POST
@editor_only
def review_return(request, pk):
    resource = get_object_or_404(Resource, pk=pk, review_state=ReviewState.PROPOSED)
    form = ReturnProposalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what should change before returning a proposal."))
        return redirect("resources:review")
    try:
        services.resource_return(
            obj=resource, actor=request.user, comment=form.cleaned_data["comment"]
        )
    except PublicationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Returned to the proposer with your comment."))
    return redirect("resources:review")


def my_proposals(request):
    refusal = refuse_unless(request, can_propose(request.user))
    if refusal:
        return refusal
    proposals = Resource.objects.filter(proposed_by=request.user).order_by("-updated_at")
    return render(
        request,
        "editor/my_proposals.html",
        {"proposals": proposals, "breadcrumbs": [(_("My proposals"), "")]},
    )
