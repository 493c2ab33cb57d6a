from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import PublishableAdminMixin

from .editors import RESOURCE_EDITOR
from .models import Resource


@admin.register(Resource)
class ResourceAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
    # The create service makes whoever adds a resource its author when none is chosen;
    # publishing a city's proposal accepts it, as on the review queue.
    editor = RESOURCE_EDITOR
    list_display = ("title", "kind", "status", "review_state", "published_at", "author", "language")
    list_select_related = ("author",)
    list_filter = ("status", "review_state", "kind", "language", "clusters", "is_demo")
    search_fields = ("title", "summary", "body")
    ordering = ("-published_at", "-created_at")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = (
        "clusters",
        "cities",
        "organizations",
        "projects",
        "author",
        "proposed_by",
    )
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("kind", "title", "slug", "summary", "body", "language")}),
        (_("Attachment"), {"fields": ("external_url", "file", "image")}),
        (_("Related to"), {"fields": ("clusters", "cities", "organizations", "projects", "tags")}),
        (_("Publication"), {"fields": ("status", "published_at", "author", "is_demo")}),
        (
            _("Review of a city's proposal"),
            {"fields": ("review_state", "proposed_by", "review_comment")},
        ),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )
