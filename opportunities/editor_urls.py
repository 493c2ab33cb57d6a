"""Editorial URLs, included by opportunities/urls.py ahead of `<slug>/`."""

from .editors import OPPORTUNITY_EDITOR

urlpatterns = OPPORTUNITY_EDITOR.urls()
