from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cities.models import City, CityNeed, CityOffer
from cities.services import city_update
from clusters.models import ClusterMembership
from core.admin import ServiceAdminMixin


class ClusterMembershipInline(admin.TabularInline):
    model = ClusterMembership
    fields = ("cluster", "role", "since")
    autocomplete_fields = ("cluster",)
    extra = 0


class CityNeedInline(admin.TabularInline):
    model = CityNeed
    fields = ("topic", "note", "contact_role")
    autocomplete_fields = ("topic",)
    extra = 0


class CityOfferInline(admin.TabularInline):
    model = CityOffer
    fields = ("topic", "note", "contact_role")
    autocomplete_fields = ("topic",)
    extra = 0


@admin.register(City)
class CityAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    # Changes go through the profile service; adding a city (and memberships) is Django's save.
    update_service = staticmethod(city_update)
    service_object_name = "city"
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
