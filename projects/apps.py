from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from core.personal_data import personal_data_register

        from .personal_data import SECTIONS

        personal_data_register(*SECTIONS)

        from core.editor import EditorRoutes, editor_register

        from .models import Project, ProjectUpdate

        editor_register(Project, EditorRoutes("projects:"))
        editor_register(
            ProjectUpdate,
            EditorRoutes(
                "projects:update-",
                url_kwargs=lambda update: {"slug": update.project.slug, "pk": update.pk},
                # An update has no page of its own: it is read on its project's page.
                public_object=lambda update: update.project,
            ),
        )

        from notifications.registry import (
            content_source_register,
            followable_register,
            verb_labels_register,
        )

        from .notifications import (
            VERB_LABELS,
            projects_describe,
            projects_in_period,
            updates_describe,
            updates_in_period,
        )

        followable_register(Project, field="project", objects=Project.objects.published)
        content_source_register(Project, describe=projects_describe, in_period=projects_in_period)
        content_source_register(
            ProjectUpdate, describe=updates_describe, in_period=updates_in_period
        )
        verb_labels_register(VERB_LABELS)
