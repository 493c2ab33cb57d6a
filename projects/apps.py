from django.utils.translation import gettext_lazy as _

from core import app_config


class ProjectsConfig(app_config.DomainAppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def register(self):
        # What can be followed, and what followers and digests are told about projects.
        from notifications.registry import (
            content_source_register,
            followable_register,
            verb_labels_register,
        )

        from . import notifications
        from .models import Project, ProjectUpdate

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
