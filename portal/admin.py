from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ServiceAdminMixin

from .editors import SITE_PAGE_EDITOR
from .models import SitePage


@admin.register(SitePage)
class SitePageAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    # Changes go through the same service as the editorial page (history, page cache).
    editor = SITE_PAGE_EDITOR
    list_display = ("title", "slug", "updated_at")
    search_fields = ("title", "body")
    fields = ("title", "slug", "summary", "body", "updated_at")
    readonly_fields = ("updated_at",)

    def get_readonly_fields(self, request, obj=None):
        # A page's address never changes: the footer and every link to it use it.
        return (*self.readonly_fields, "slug") if obj is not None else self.readonly_fields
