from django.contrib import admin, messages
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from clusters.models import Cluster, ClusterMembership, Resource
from portal.models import PublicationStatus


class PublishableAdminMixin:
    """Publish/unpublish actions and list columns shared by every PublishableModel admin.

    Publishing keeps an existing publication date so re-publishing an item that was taken down
    by mistake does not push it back to the top of feeds and digests.
    """

    actions = ("publish_selected", "unpublish_selected")

    @admin.action(description=_("Publish selected"), permissions=("change",))
    def publish_selected(self, request, queryset):
        now = timezone.now()
        count = queryset.update(
            status=PublicationStatus.PUBLISHED,
            published_at=Coalesce("published_at", now),
            updated_at=now,
        )
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected"), permissions=("change",))
    def unpublish_selected(self, request, queryset):
        count = queryset.update(status=PublicationStatus.DRAFT, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d item moved back to draft.", "%(count)d items moved back to draft.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )


class ClusterMembershipInline(admin.TabularInline):
    model = ClusterMembership
    fields = ("city", "role", "since")
    autocomplete_fields = ("city",)
    extra = 0


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
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


@admin.register(Resource)
class ResourceAdmin(PublishableAdminMixin, admin.ModelAdmin):
    list_display = ("title", "kind", "status", "published_at", "author", "language", "is_demo")
    list_select_related = ("author",)
    list_filter = ("status", "kind", "language", "clusters", "is_demo")
    search_fields = ("title", "summary", "body")
    ordering = ("-published_at", "-created_at")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("clusters", "cities", "organizations", "projects", "author")
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("kind", "title", "slug", "summary", "body", "language")}),
        (_("Attachment"), {"fields": ("external_url", "file")}),
        (_("Related to"), {"fields": ("clusters", "cities", "organizations", "projects", "tags")}),
        (_("Publication"), {"fields": ("status", "published_at", "author", "is_demo")}),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
