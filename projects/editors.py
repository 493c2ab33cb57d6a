"""The editorial pages of programmes, pilots and their updates, declared (core.content_editor)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.content_editor import ContentEditor, FormsetSpec
from core.models import PublicationStatus

from . import services
from .forms import (
    MilestoneFormSet,
    ProjectCityFormSet,
    ProjectForm,
    ProjectPartnerFormSet,
    ProjectUpdateForm,
)
from .models import Milestone, Project, ProjectUpdate


class ProjectEditor(ContentEditor):
    model = Project
    namespace = "projects"
    form_class = ProjectForm
    formsets = (
        FormsetSpec(
            ProjectCityFormSet,
            prefix="cities",
            legend=gettext_lazy("Cities and their roles"),
        ),
        FormsetSpec(
            ProjectPartnerFormSet,
            prefix="partners",
            legend=gettext_lazy("Partners and their roles"),
        ),
        FormsetSpec(
            MilestoneFormSet,
            prefix="milestones",
            legend=gettext_lazy("Milestones"),
        ),
    )
    new_heading = gettext_lazy("New project")
    create_service = staticmethod(services.project_create)
    update_service = staticmethod(services.project_update)
    update_object_name = "project"
    publish_service = staticmethod(services.project_publish)
    unpublish_service = staticmethod(services.project_unpublish)

    def heading(self, request, obj, **kwargs):
        return obj.title if obj else str(self.new_heading)

    def extra_context(self, request, obj, **kwargs):
        updates = list(obj.updates.all()) if obj else []
        return {
            "show_updates": obj is not None,
            "updates": updates,
            # The translation pages of its milestones and updates (the form above writes their
            # original language, or the update's own page does).
            "translatable_parts": [
                {"title": part.title, "links": editor.translation_links(part)}
                for editor, parts in (
                    (MILESTONE_EDITOR, obj.milestones.all() if obj else []),
                    (PROJECT_UPDATE_EDITOR, updates),
                )
                for part in parts
            ],
        }


class PilotPartEditor(ContentEditor):
    """A part of a pilot (a milestone, an update): addressed by its pilot's slug and its own id,
    and read on its pilot's page."""

    namespace = "projects"

    def get_object(self, **kwargs):
        return get_object_or_404(
            self.translation_queryset(), project__slug=kwargs["slug"], pk=kwargs["pk"]
        )

    def url_kwargs(self, obj):
        return {"slug": obj.project.slug, "pk": obj.pk}

    def translation_queryset(self):
        return self.model.objects.select_related("project")

    def public_object(self, obj):
        return obj.project


class MilestoneEditor(PilotPartEditor):
    """A milestone is written in its pilot's form and public with its pilot; its other languages
    are written on its own translation page (reached from the pilot's edit page)."""

    model = Milestone
    name_prefix = "milestone-"
    object_path = "<slug:slug>/milestones/<int:pk>/"
    new_path = None
    has_edit_page = False
    update_service = staticmethod(services.milestone_update)
    update_object_name = "milestone"

    @property
    def previewable(self):
        return True

    def is_public(self, obj):
        return obj.project.status == PublicationStatus.PUBLISHED

    def edit_address(self, obj):
        return PROJECT_EDITOR.address(obj.project, "edit")

    def preview_objects(self, obj):
        return [obj.project]


class ProjectUpdateEditor(PilotPartEditor):
    """An update lives under its pilot: it is written there and read on the pilot's page."""

    model = ProjectUpdate
    name_prefix = "update-"
    object_path = "<slug:slug>/updates/<int:pk>/"
    new_path = "<slug:slug>/updates/new/"
    form_class = ProjectUpdateForm
    update_service = staticmethod(services.project_update_update)
    update_object_name = "project_update"
    publish_service = staticmethod(services.project_update_publish)
    unpublish_service = staticmethod(services.project_update_unpublish)

    def preview_objects(self, obj):
        return [obj.project, obj]

    def _project(self, obj, kwargs):
        return obj.project if obj else get_object_or_404(Project, slug=kwargs["slug"])

    def heading(self, request, obj, **kwargs):
        return _("Update of %(project)s") % {"project": self._project(obj, kwargs).title}

    def extra_context(self, request, obj, **kwargs):
        return {"parent": self._project(obj, kwargs)}

    def create(self, *, request, data, rows, **kwargs):
        project = get_object_or_404(Project, slug=kwargs["slug"])
        return services.project_update_create(actor=request.user, data={**data, "project": project})


PROJECT_EDITOR = ProjectEditor()
PROJECT_UPDATE_EDITOR = ProjectUpdateEditor()
MILESTONE_EDITOR = MilestoneEditor()
