from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ServiceAdminMixin

from .models import Cluster, ClusterMembership
from .services import cluster_update


class ClusterMembershipInline(admin.TabularInline):
    model = ClusterMembership
    fields = ("city", "role", "since")
    autocomplete_fields = ("city",)
    extra = 0


@admin.register(Cluster)
class ClusterAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    # Changes (the list's order and active boxes too) go through the profile service; adding a
    # cluster (and memberships) is Django's save.
    update_service = staticmethod(cluster_update)
    service_object_name = "cluster"
    list_display = ("name", "order", "city_count", "is_active", "colour")
    list_editable = ("order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "summary")
    ordering = ("order", "name")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at")
    inlines = (ClusterMembershipInline,)
    fieldsets = (
        (None, {"fields": ("name", "slug", "summary", "description")}),
        (_("Presentation"), {"fields": ("colour", "icon", "sdgs", "order", "is_active")}),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(city_count=Count("memberships"))

    @admin.display(description=_("member cities"), ordering="city_count")
    def city_count(self, cluster):
        return cluster.city_count


@admin.register(ClusterMembership)
class ClusterMembershipAdmin(admin.ModelAdmin):
    list_display = ("city", "cluster", "role", "since")
    list_select_related = ("city", "cluster")
    list_filter = ("role", "cluster")
    search_fields = ("city__name", "cluster__name")
    ordering = ("cluster__order", "city__name")
    autocomplete_fields = ("city", "cluster")
    readonly_fields = ("created_at", "updated_at")
