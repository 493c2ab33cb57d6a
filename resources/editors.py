"""The library's editorial pages, declared (core.content_editor).

Its one real rule: a city official edits their own proposal with the proposal form, and saving it
resubmits it for review; UN staff edit any resource with the full form.
"""

from django.utils.translation import gettext as _

from core.content_editor import ContentEditor
from core.roles import is_editor

from . import services
from .forms import ResourceForm, ResourceProposalForm
from .models import Resource, ResourceKind, ReviewState
from .permissions import proposal_editable_by


class ResourceEditor(ContentEditor):
    model = Resource
    namespace = "resources"
    object_path = "resources/<slug:slug>/"
    new_path = "resources/new/"
    multipart = True
    # A proposal is previewed as it will look once accepted.
    preview_overrides = {"review_state": ReviewState.NONE}
    create_service = staticmethod(services.resource_create)
    update_service = staticmethod(services.resource_update)
    update_object_name = "resource"
    publish_service = staticmethod(services.resource_publish)
    unpublish_service = staticmethod(services.resource_unpublish)

    may_edit_fields = ("id", "proposed_by", "review_state", "status")

    def may_edit(self, user, obj):
        return proposal_editable_by(user, obj)

    def get_form_class(self, request, obj):
        return ResourceForm if is_editor(request.user) else ResourceProposalForm

    def initial(self, request, **kwargs):
        kind = request.GET.get("kind")
        return {"kind": kind} if kind in ResourceKind.values else None

    def heading(self, request, obj, **kwargs):
        if obj is not None:
            return obj.title
        news = request.GET.get("kind") == ResourceKind.NEWS
        return _("New news item") if news else _("New resource")

    def extra_context(self, request, obj, **kwargs):
        return {"is_proposal_form": not is_editor(request.user)}

    def update(self, *, request, obj, data, rows):
        if is_editor(request.user):
            return super().update(request=request, obj=obj, data=data, rows=rows)
        return services.resource_propose(actor=request.user, data=data, resource=obj)


RESOURCE_EDITOR = ResourceEditor()
