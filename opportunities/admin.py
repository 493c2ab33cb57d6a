from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import PublishableAdminMixin

from .editors import OPPORTUNITY_EDITOR
from .forms import HOST_AND_ELIGIBILITY_FIELDS
from .models import Application, ApplicationStatusChange, Opportunity


@admin.register(Opportunity)
class OpportunityAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
    editor = OPPORTUNITY_EDITOR
    list_display = ("title", "kind", "cluster", "deadline", "status", "published_at")
    list_select_related = ("cluster",)
    list_filter = ("status", "kind", "cluster", "is_demo")
    search_fields = ("title", "summary", "description")
    ordering = ("deadline",)
    date_hierarchy = "deadline"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("host_organization", "host_city")
    filter_horizontal = ("topics",)
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("kind", "title", "slug", "summary", "description", "how_to_apply")}),
        (_("Host, theme and eligibility"), {"fields": HOST_AND_ELIGIBILITY_FIELDS}),
        (_("Publication"), {"fields": ("status", "published_at", "is_demo")}),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )


class StatusChangeInline(admin.TabularInline):
    model = ApplicationStatusChange
    extra = 0
    can_delete = False
    fields = ("created_at", "from_status", "to_status", "actor", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only here: staff move applications on their review page, which tells the applicant."""

    list_display = ("opportunity", "applicant", "city", "status", "created_at")
    list_select_related = ("opportunity", "applicant", "city")
    list_filter = ("status", "opportunity")
    search_fields = ("applicant__email", "opportunity__title", "motivation")
    inlines = [StatusChangeInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False
