"""Editorial URLs, included by projects/urls.py ahead of `<slug>/` so "new" is never a project."""

from .editors import MILESTONE_EDITOR, PROJECT_EDITOR, PROJECT_UPDATE_EDITOR

urlpatterns = [*PROJECT_EDITOR.urls(), *PROJECT_UPDATE_EDITOR.urls(), *MILESTONE_EDITOR.urls()]
