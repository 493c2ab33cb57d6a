"""Editorial URLs, included by events/urls.py ahead of `<slug>/` and `series/<slug>/`."""

from .editors import EVENT_EDITOR, SERIES_EDITOR

urlpatterns = [*SERIES_EDITOR.urls(), *EVENT_EDITOR.urls()]
