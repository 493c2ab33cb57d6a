from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from clusters.models import Cluster, ClusterMembership, Resource, ReviewState
from notifications.services import notify_content_published
from portal.models import PublicationStatus

# Followers hear about these when they are first published (see notify_content_published).
ANNOUNCED_MODELS = {
    "projects.project",
    "projects.projectupdate",
    "events.event",
    "clusters.resource",
}


class PublishableAdminForm(forms.ModelForm):
    """Choosing "published" without a date means "now", rather than a constraint error."""

    def clean(self):
        cleaned_data = super().clean()
        if (
            "published_at" in self.fields
            and cleaned_data.get("status") == PublicationStatus.PUBLISHED
            and not cleaned_data.get("published_at")
        ):
            cleaned_data["published_at"] = timezone.now()
        return cleaned_data


def is_announced(obj) -> bool:
    return obj._meta.label_lower in ANNOUNCED_MODELS


def announce_first_publications(objs):
    for obj in objs:
        if is_announced(obj) and obj.is_published:
            notify_content_published(obj=obj)


def first_publications(saved_forms):
    """Objects saved through these forms that became visible and had never been published.

    An item withdrawn and published again keeps its date, so followers are not told twice.
    """
    return [
        form.instance
        for form in saved_forms
        if form.instance.pk
        and is_announced(form.instance)
        and form.instance.is_published
        and form.initial.get("published_at") is None
    ]


class PublishableAdminMixin:
    """Publication for every PublishableModel admin: actions, date default, follower news.

    Publishing keeps an existing publication date so re-publishing an item that was taken down
    by mistake does not push it back to the top of feeds and digests.
    """

    form = PublishableAdminForm
    actions = ("publish_selected", "unpublish_selected")

    def publishable(self, queryset):
        """The rows "Publish selected" may publish; admins narrow it where the model has rules."""
        return queryset

    def not_publishable_message(self, count):
        return ngettext(
            "%(count)d selected item cannot be published yet.",
            "%(count)d selected items cannot be published yet.",
            count,
        ) % {"count": count}

    def save_related(self, request, form, formsets, change):
        # Announce once the many-to-many links and inlines are saved: they decide who is told.
        super().save_related(request, form, formsets, change)
        changed_inline_forms = [
            inline_form
            for formset in formsets
            for inline_form in formset.forms
            if inline_form.has_changed() and inline_form not in formset.deleted_forms
        ]
        announce_first_publications(first_publications([form, *changed_inline_forms]))

    @admin.action(description=_("Publish selected"), permissions=("change",))
    def publish_selected(self, request, queryset):
        now = timezone.now()
        selected = queryset.count()
        queryset = self.publishable(queryset)
        with transaction.atomic():
            never_published = list(
                queryset.filter(published_at__isnull=True).values_list("pk", flat=True)
            )
            count = queryset.update(
                status=PublicationStatus.PUBLISHED,
                published_at=Coalesce("published_at", now),
                updated_at=now,
            )
            announce_first_publications(queryset.model.objects.filter(pk__in=never_published))
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
            messages.SUCCESS,
        )
        if selected > count:
            self.message_user(
                request,
                self.not_publishable_message(selected - count),
                messages.WARNING,
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
class ClusterAdmin(SimpleHistoryAdmin):
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
class ResourceAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
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

    def publishable(self, queryset):
        # The database keeps proposals under review (or sent back) out of public view.
        return queryset.filter(review_state=ReviewState.NONE)

    def not_publishable_message(self, count):
        return ngettext(
            "%(count)d selected proposal is still under review and was left unpublished.",
            "%(count)d selected proposals are still under review and were left unpublished.",
            count,
        ) % {"count": count}

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
