from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from clusters.models import Cluster, ClusterMembership, Resource
from clusters.services import resource_publish, resource_unpublish
from notifications.services import notify_content_published
from portal.editor import ANNOUNCED_MODELS, PublicationRefused
from portal.models import PublicationStatus


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


def first_publications(saved_forms):
    """Followed content saved through these forms that became visible for the first time.

    An item withdrawn and published again keeps its date, so followers are not told twice.
    """
    return [
        form.instance
        for form in saved_forms
        if form.instance.pk
        and form.instance._meta.label_lower in ANNOUNCED_MODELS
        and form.instance.is_published
        and form.initial.get("published_at") is None
    ]


def refusal_reason(refusal: Exception) -> str:
    if isinstance(refusal, ValidationError):
        return " ".join(refusal.messages)
    return str(refusal)


class PublishableAdminMixin:
    """Publication in the admin works as on the editorial pages.

    The actions call each app's publish/unpublish services (set as `publish_service` and
    `unpublish_service`), so rows are locked, dated, recorded in the history and announced to
    followers exactly once. Saving the change form with "published" does the same dating and
    announcing.
    """

    form = PublishableAdminForm
    actions = ("publish_selected", "unpublish_selected")
    publish_service = None
    unpublish_service = None

    def save_related(self, request, form, formsets, change):
        # Announce once the many-to-many links and inlines are saved: they decide who is told.
        super().save_related(request, form, formsets, change)
        changed_inline_forms = [
            inline_form
            for formset in formsets
            for inline_form in formset.forms
            if inline_form.has_changed() and inline_form not in formset.deleted_forms
        ]
        for obj in first_publications([form, *changed_inline_forms]):
            notify_content_published(obj=obj)

    def run_publication_service(self, request, queryset, service, done_message):
        done = 0
        for obj in queryset:
            try:
                service(obj=obj, actor=request.user)
            except (PublicationRefused, ValidationError) as refusal:
                self.message_user(request, f"{obj}: {refusal_reason(refusal)}", messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)

    @admin.action(description=_("Publish selected"), permissions=("change",))
    def publish_selected(self, request, queryset):
        self.run_publication_service(
            request,
            queryset,
            self.publish_service,
            lambda count: (
                ngettext("%(count)d item published.", "%(count)d items published.", count)
                % {"count": count}
            ),
        )

    @admin.action(description=_("Unpublish selected"), permissions=("change",))
    def unpublish_selected(self, request, queryset):
        self.run_publication_service(
            request,
            queryset,
            self.unpublish_service,
            lambda count: (
                ngettext(
                    "%(count)d item moved back to draft.",
                    "%(count)d items moved back to draft.",
                    count,
                )
                % {"count": count}
            ),
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
    # Publishing a city's proposal accepts it, as on the review queue.
    publish_service = staticmethod(resource_publish)
    unpublish_service = staticmethod(resource_unpublish)
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

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
