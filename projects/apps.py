from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        # What lower layers learn about projects: editorial pages, personal data, following and
        # what followers and digests are told.
        from core.personal_data import personal_data_register
        from notifications.registry import (
            content_source_register,
            followable_register,
            verb_labels_register,
        )

        from . import notifications
        from .editors import MILESTONE_EDITOR, PROJECT_EDITOR, PROJECT_UPDATE_EDITOR
        from .models import Project, ProjectUpdate
        from .personal_data import SECTIONS

        PROJECT_EDITOR.register()
        PROJECT_UPDATE_EDITOR.register()
        MILESTONE_EDITOR.register()
        personal_data_register(*SECTIONS)
        followable_register(Project, field="project", objects=Project.objects.published)
        content_source_register(
            Project,
            describe=notifications.projects_describe,
            in_period=notifications.projects_in_period,
        )
        content_source_register(
            ProjectUpdate,
            describe=notifications.updates_describe,
            in_period=notifications.updates_in_period,
        )
        verb_labels_register(notifications.VERB_LABELS)
