"""The clusters app's own pages (the editorial ones); portal.hub_urls adds the public pages."""

from .editors import CLUSTER_EDITOR

urlpatterns = CLUSTER_EDITOR.urls()
