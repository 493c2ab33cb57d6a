"""The editor's desk: drafts of every kind of content, and what waits for review."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.editor import editor_only
from core.models import PublicationStatus
from core.shared_pages import shared_page
from events.models import Event, TrainingSeries
from projects.models import Project
from resources.models import Resource, ReviewState

from .selectors import site_pages_listed


@editor_only
# The same for every member of staff, and kept under the content generation that any save of a
# draft starts: rendered once per language and audience, not once per visit.
@shared_page
def dashboard(request):
    drafts = {
        _("Projects"): Project.objects.drafts().order_by("-updated_at"),
        _("Events"): Event.objects.drafts().order_by("-updated_at"),
        _("Training series"): TrainingSeries.objects.drafts().order_by("-updated_at"),
        _("Resources and news"): Resource.objects.drafts()
        .filter(review_state=ReviewState.NONE)
        .order_by("-updated_at"),
    }
    return render(
        request,
        "editor/dashboard.html",
        {
            "drafts": {label: Paginator(qs, 50).page(1) for label, qs in drafts.items()},
            "proposal_count": Resource.objects.filter(review_state=ReviewState.PROPOSED).count(),
            "published_status": PublicationStatus.PUBLISHED,
            "site_pages": site_pages_listed(),
            "breadcrumbs": [(_("Editor"), "")],
        },
    )
