from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from clusters.admin import PublishableAdminForm, PublishableAdminMixin
from projects.models import (
    CollaborationRequest,
    Milestone,
    Project,
    ProjectCity,
    ProjectPartner,
    ProjectUpdate,
)
from projects.services import (
    project_publish,
    project_unpublish,
    project_update_publish,
    project_update_unpublish,
)


class ProjectCityInline(admin.TabularInline):
    model = ProjectCity
    fields = ("city", "role")
    autocomplete_fields = ("city",)
    extra = 0


class ProjectPartnerInline(admin.TabularInline):
    model = ProjectPartner
    fields = ("organization", "role")
    autocomplete_fields = ("organization",)
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    fields = ("title", "due_on", "completed_on")
    extra = 0


class ProjectUpdateInline(admin.StackedInline):
    model = ProjectUpdate
    form = PublishableAdminForm
    fields = ("title", "body", "status", "published_at", "author")
    autocomplete_fields = ("author",)
    extra = 0
    show_change_link = True


@admin.register(Project)
class ProjectAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
    publish_service = staticmethod(project_publish)
    unpublish_service = staticmethod(project_unpublish)
    list_display = ("title", "kind", "phase", "parent", "start_date", "status", "published_at")
    list_select_related = ("parent",)
    list_filter = ("kind", "phase", "status", "clusters", "is_demo")
    search_fields = ("title", "summary")
    ordering = ("-start_date", "title")
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("parent", "clusters")
    readonly_fields = ("created_at", "updated_at")
    inlines = (ProjectCityInline, ProjectPartnerInline, MilestoneInline, ProjectUpdateInline)
    fieldsets = (
        (None, {"fields": ("kind", "parent", "title", "slug", "summary", "body")}),
        (_("Lifecycle"), {"fields": ("phase", "start_date", "end_date")}),
        (_("Related to"), {"fields": ("clusters", "tags")}),
        (_("Publication"), {"fields": ("status", "published_at", "is_demo")}),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
    publish_service = staticmethod(project_update_publish)
    unpublish_service = staticmethod(project_update_unpublish)
    list_display = ("title", "project", "status", "published_at", "author")
    list_select_related = ("project", "author")
    list_filter = ("status",)
    search_fields = ("title", "body", "project__title")
    ordering = ("-published_at", "-created_at")
    date_hierarchy = "published_at"
    autocomplete_fields = ("project", "author")
    readonly_fields = ("created_at", "updated_at")

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ("title", "project", "due_on", "completed_on")
    list_select_related = ("project",)
    search_fields = ("title", "project__title")
    ordering = ("due_on",)
    date_hierarchy = "due_on"
    autocomplete_fields = ("project",)


@admin.register(CollaborationRequest)
class CollaborationRequestAdmin(admin.ModelAdmin):
    list_display = (
        "kind",
        "target",
        "requesting_organization",
        "requester",
        "status",
        "assigned_to",
        "created_at",
    )
    list_select_related = ("requester", "organization", "project", "cluster", "city", "assigned_to")
    list_filter = ("status", "kind")
    search_fields = (
        "message",
        "organization_name",
        "organization__name",
        "organization__acronym",
        "requester__email",
        "requester__name",
    )
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    autocomplete_fields = ("requester", "organization", "project", "cluster", "city", "assigned_to")
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (_("Request"), {"fields": ("kind", "message", "contact_preferences")}),
        (_("From"), {"fields": ("requester", "organization", "organization_name")}),
        (
            _("Target"),
            {
                "fields": ("project", "cluster", "city"),
                "description": _("Exactly one pilot, cluster or city."),
            },
        ),
        (_("Review"), {"fields": ("status", "assigned_to", "decided_at")}),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )

    @admin.display(description=_("target"))
    def target(self, collaboration):
        return collaboration.target

    @admin.display(description=_("organization"), ordering="organization__name")
    def requesting_organization(self, collaboration):
        return collaboration.organization or collaboration.organization_name
