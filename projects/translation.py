"""Which fields of pilots, their milestones and updates are written in every language."""

from core.translation_registry import translatable_register

from .models import Milestone, Project, ProjectUpdate

translatable_register(Project, ("title", "summary", "body"))
translatable_register(Milestone, ("title", "description"))
translatable_register(ProjectUpdate, ("title", "body"))
