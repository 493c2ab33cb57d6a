from django.contrib import admin

from .models import CityMatch


@admin.register(CityMatch)
class CityMatchAdmin(admin.ModelAdmin):
    """Read-only: suggestions are computed (matchmaking.services), never typed."""

    list_display = ("city", "kind", "target_id", "topic", "score", "first_seen_at")
    list_select_related = ("city", "topic")
    list_filter = ("kind",)
    search_fields = ("city__name",)
    ordering = ("city__name", "-score")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
