from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cities.editors import CITY_EDITOR
from cities.models import City, CityNeed, CityOffer
from clusters.models import ClusterMembership
from core.admin import ServiceAdminMixin, picker_inline

ClusterMembershipInline = picker_inline(ClusterMembership, "cluster", "role", "since")
CityNeedInline = picker_inline(CityNeed, "topic", "note", "contact_role")
CityOfferInline = picker_inline(CityOffer, "topic", "note", "contact_role")


@admin.register(City)
class CityAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    # Changes go through the profile service; adding a city (and memberships) is Django's save.
    editor = CITY_EDITOR
    # Needs and offers are saved by the profile service, which replaces each list whole.
    service_rows = {"needs": "needs", "offers": "offers"}
    list_display = ("name", "country", "region", "cluster_count", "joined_on", "is_demo")
    list_filter = ("region", "country", "is_demo")
    search_fields = ("name", "summary")
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "joined_on"
    inlines = (ClusterMembershipInline, CityNeedInline, CityOfferInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "country", "region", "joined_on")}),
        (_("Location"), {"fields": ("latitude", "longitude", "population")}),
        (_("Profile"), {"fields": ("summary", "description", "website", "hazards", "is_demo")}),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(cluster_count=Count("cluster_memberships", distinct=True))
        )

    @admin.display(description=_("clusters"), ordering="cluster_count")
    def cluster_count(self, city):
        return city.cluster_count
