"""Editorial pages of the library: resources, news and the review of city officials' proposals."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.editor import (
    PublicationRefused,
    can_propose,
    editor_only,
    form_page,
    refuse_unless,
)

from . import services
from .forms import ResourceProposalForm, ReturnProposalForm
from .models import Resource, ReviewState


def _resource_edit_url(resource):
    return reverse("resources:edit", kwargs={"slug": resource.slug})


# --- Resources and news -------------------------------------------------------------------------


def _files(request):
    return request.FILES if request.method == "POST" else None


def _data(request):
    return request.POST if request.method == "POST" else None


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
