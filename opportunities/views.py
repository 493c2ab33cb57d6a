"""Pages of opportunities: the list, its feed, an opportunity, applying, and the applications.

Views stay thin: who may open a page here; the rules (deadline, one application per person,
eligibility, the workflow) in services. Someone who may not see an application gets 404 (its
existence is not theirs to know); someone who sees it but may not take an action gets 403.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.editor import service_errors_add
from core.pages import list_page_render
from core.views import ContentFeed, action_run, own_page, private_download, signed_in_post

from . import selectors, services
from .filters import OpportunityFilter
from .forms import ApplicationForm, ReviewForm, WithdrawForm
from .models import ApplicationStatus

PAGE_SIZE = 20
REVIEW_PAGE_SIZE = 50


# Lazy: the pages built once at import (my_applications) use it too.
OPPORTUNITIES_CRUMB = (gettext_lazy("Opportunities"), reverse_lazy("opportunities:list"))


def opportunity_list(request):
    opportunity_filter = OpportunityFilter.for_page(
        request.GET, queryset=selectors.opportunity_list()
    )
    page_obj = Paginator(opportunity_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "opportunities/opportunity_list.html",
        {
            "filter": opportunity_filter,
            "page_obj": page_obj,
            "opportunities": page_obj.object_list,
            "breadcrumbs": [(_("Opportunities"), "")],
        },
    )


def opportunity_detail(request, slug):
    opportunity = selectors.opportunity_detail(slug=slug)
    return render(
        request,
        "opportunities/opportunity_detail.html",
        {
            "opportunity": opportunity,
            "application": selectors.application_of(user=request.user, opportunity=opportunity),
            "breadcrumbs": [OPPORTUNITIES_CRUMB, (opportunity.title, "")],
        },
    )


def _application_form_page(request, *, opportunity, form, application=None, refusal="", status=200):
    heading = (_("Change your application") if application else _("Apply: %(title)s")) % {
        "title": opportunity.title
    }
    return render(
        request,
        "opportunities/application_form.html",
        {
            "opportunity": opportunity,
            "application": application,
            "form": form,
            "heading": heading,
            "refusal": refusal,
            "breadcrumbs": [
                OPPORTUNITIES_CRUMB,
                (opportunity.title, opportunity.get_absolute_url()),
                (heading, ""),
            ],
        },
        status=status,
    )


def _application_data(form) -> dict:
    """What a valid application form hands to the submit and update services."""
    return {
        name: form.cleaned_data[name] for name in ("motivation", "city", "organization", "document")
    }


def opportunity_apply(request, slug):
    # An unknown opportunity is a 404 for everyone, before asking anyone to sign in.
    opportunity = selectors.opportunity_detail(slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    existing = selectors.application_of(user=request.user, opportunity=opportunity)
    if existing is not None:
        messages.info(request, str(services.AlreadyApplied(existing)))
        return redirect(existing)
    if not opportunity.is_open:
        messages.error(request, str(services.DeadlinePassed(opportunity)))
        return redirect(opportunity)
    if request.method != "POST":
        form = ApplicationForm(opportunity=opportunity, user=request.user)
        return _application_form_page(request, opportunity=opportunity, form=form)
    form = ApplicationForm(request.POST, request.FILES, opportunity=opportunity, user=request.user)
    if form.is_valid():
        try:
            application = services.application_submit(
                applicant=request.user, opportunity=opportunity, **_application_data(form)
            )
        except ValidationError as refusal:
            service_errors_add(form, ValidationError({"document": refusal.messages}))
        except services.AlreadyApplied as refusal:
            messages.info(request, str(refusal))
            return redirect(refusal.application)
        except services.ApplicationError as refusal:
            return _application_form_page(
                request, opportunity=opportunity, form=form, refusal=str(refusal), status=400
            )
        else:
            messages.success(
                request, _("Your application is sent. You will be told when its status changes.")
            )
            return redirect(application)
    return _application_form_page(request, opportunity=opportunity, form=form, status=400)


my_applications = own_page(
    "opportunities/my_applications.html",
    breadcrumbs=[OPPORTUNITIES_CRUMB, (gettext_lazy("My applications"), "")],
    applications=selectors.opportunity_applications_for_user,
)


@login_required
def review_queue(request):
    if not services.can_review(request.user):
        raise PermissionDenied
    status = request.GET.get("status", "")
    if status not in ApplicationStatus.values:
        status = ""
    return list_page_render(
        request,
        "opportunities/review_queue.html",
        items=selectors.applications_for_review(status=status),
        per_page=REVIEW_PAGE_SIZE,
        name="applications",
        status=status,
        statuses=ApplicationStatus.choices,
        breadcrumbs=[OPPORTUNITIES_CRUMB, (_("Applications to review"), "")],
    )


def _visible_application(request, pk):
    application = selectors.application_detail(pk=pk)
    if not services.can_view(request.user, application):
        raise Http404
    return application


@login_required
def application_detail(request, pk):
    application = _visible_application(request, pk)
    is_reviewer = services.can_review(request.user)
    is_applicant = application.applicant_id == request.user.pk
    allowed = services.WORKFLOW.transitions[application.status]
    return render(
        request,
        "opportunities/application_detail.html",
        {
            "application": application,
            "opportunity": application.opportunity,
            "is_reviewer": is_reviewer,
            "is_applicant": is_applicant,
            "can_review": is_reviewer and bool(allowed - {ApplicationStatus.WITHDRAWN}),
            "review_form": ReviewForm(),
            "can_withdraw": is_applicant and ApplicationStatus.WITHDRAWN in allowed,
            "withdraw_form": WithdrawForm(),
            "can_change": is_applicant
            and application.status == ApplicationStatus.SUBMITTED
            and application.opportunity.is_open,
            "breadcrumbs": [
                (
                    (_("Applications to review"), reverse("opportunities:review"))
                    if is_reviewer and not is_applicant
                    else (_("My applications"), reverse("opportunities:mine"))
                ),
                (application.opportunity.title, ""),
            ],
        },
    )


@login_required
def application_edit(request, pk):
    application = _visible_application(request, pk)
    if application.applicant_id != request.user.pk:
        raise PermissionDenied
    opportunity = application.opportunity
    if (refusal := services.application_change_refusal(application=application)) is not None:
        # Said before the form is filled in, not after it is sent.
        messages.info(request, str(refusal))
        return redirect(application)
    if request.method != "POST":
        form = ApplicationForm(instance=application)
        return _application_form_page(
            request, opportunity=opportunity, form=form, application=application
        )
    form = ApplicationForm(request.POST, request.FILES, instance=application)
    if form.is_valid():
        try:
            services.application_update(
                application=application, actor=request.user, **_application_data(form)
            )
        except ValidationError as refusal:
            service_errors_add(form, ValidationError({"document": refusal.messages}))
        except services.ApplicationError as refusal:
            messages.error(request, str(refusal))
            return redirect("opportunities:application", pk=pk)
        else:
            messages.success(request, _("Your application is saved."))
            return redirect("opportunities:application", pk=pk)
    return _application_form_page(
        request, opportunity=opportunity, form=form, application=application, status=400
    )


@signed_in_post("opportunities:application")
def application_review(request, pk):
    application = _visible_application(request, pk)
    if not services.can_review(request.user):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("to_status", [])) or _("Check the form."))
        return redirect("opportunities:application", pk=pk)
    return action_run(
        request,
        lambda: services.application_review(
            application=application,
            actor=request.user,
            to_status=form.cleaned_data["to_status"],
            note=form.cleaned_data["note"],
        ),
        refused=services.ApplicationError,
        done_message=_("The status is changed; the applicant is told."),
        next_url=application.get_absolute_url(),
    )


@signed_in_post("opportunities:application")
def application_withdraw(request, pk):
    application = _visible_application(request, pk)
    if application.applicant_id != request.user.pk:
        raise PermissionDenied
    form = WithdrawForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return action_run(
        request,
        lambda: services.application_withdraw(
            application=application, actor=request.user, note=note
        ),
        refused=services.ApplicationError,
        done_message=_("Your application is withdrawn."),
        next_url=application.get_absolute_url(),
    )


@login_required
def application_document(request, pk):
    application = _visible_application(request, pk)
    if not application.document:
        raise Http404
    return private_download(application.document, filename=application.document_name)


class OpportunityFeed(ContentFeed):
    """The newest published opportunities, as Atom."""

    def title(self):
        return _("Opportunities · %(site)s") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("Fellowships, calls for proposals and expert exchanges.")

    def link(self):
        return reverse("opportunities:list")

    def items(self):
        return selectors.opportunity_feed_items()

    def item_guid_path(self, item):
        return f"opportunity/{item.pk}"
