from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ServiceAdminMixin, picker_inline

from .editors import CLUSTER_EDITOR
from .models import Cluster, ClusterMembership, Topic

ClusterMembershipInline = picker_inline(ClusterMembership, "city", "role", "since")


class TopicInline(admin.TabularInline):
    """The cluster's vocabulary of needs and offers, kept by staff."""

    model = Topic
    fields = ("name", "slug", "order")
    prepopulated_fields = {"slug": ("name",)}
    extra = 0


@admin.register(Cluster)
class ClusterAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    # Changes (the list's order and active boxes too) go through the profile service; adding a
    # cluster (and memberships) is Django's save.
    editor = CLUSTER_EDITOR
    list_display = ("name", "order", "city_count", "is_active", "colour")
    list_editable = ("order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "summary")
    ordering = ("order", "name")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at")
    inlines = (TopicInline, ClusterMembershipInline)
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


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "cluster", "order", "need_count", "offer_count")
    list_editable = ("order",)
    list_filter = ("cluster",)
    list_select_related = ("cluster",)
    search_fields = ("name", "slug")
    ordering = ("cluster__order", "order", "name")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at")

    def get_queryset(self, request):
        # Counted through the reverse relations by name: clusters imports no city code.
        return (
            super()
            .get_queryset(request)
            .annotate(
                need_count=Count("city_needs", distinct=True),
                offer_count=Count("city_offers", distinct=True),
            )
        )

    @admin.display(description=_("cities that need it"), ordering="need_count")
    def need_count(self, topic):
        return topic.need_count

    @admin.display(description=_("cities that offer it"), ordering="offer_count")
    def offer_count(self, topic):
        return topic.offer_count
