from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    LanguageColumnsHiddenMixin,
    PublishableAdminMixin,
    PublishableInlineMixin,
    picker_inline,
)
from projects.collaboration_selectors import AGE_BUCKETS, collaboration_requests_aged
from projects.collaboration_services import can_review
from projects.editors import PROJECT_EDITOR, PROJECT_UPDATE_EDITOR
from projects.models import (
    CollaborationMessage,
    CollaborationRequest,
    CollaborationStatusChange,
    Milestone,
    Project,
    ProjectCity,
    ProjectPartner,
    ProjectUpdate,
)
from projects.services import project_update_create

ProjectCityInline = picker_inline(ProjectCity, "city", "role")
ProjectPartnerInline = picker_inline(ProjectPartner, "organization", "role")


class MilestoneInline(LanguageColumnsHiddenMixin, admin.TabularInline):
    model = Milestone
    # Every field: the project service replaces the milestones with these rows whole.
    fields = ("title", "description", "due_on", "completed_on")
    extra = 0


class ProjectUpdateInline(PublishableInlineMixin, admin.StackedInline):
    model = ProjectUpdate
    editor = PROJECT_UPDATE_EDITOR
    # The editor creates updates on their pilot's page (a view of its own) and names no create
    # service; the admin does.
    create_service = staticmethod(project_update_create)
    fields = ("title", "body", "status", "published_at", "author")
    autocomplete_fields = ("author",)


@admin.register(Project)
class ProjectAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
    editor = PROJECT_EDITOR
    # The project service replaces these lists; updates are saved one by one by their services.
    service_rows = {"city_links": "cities", "partner_links": "partners", "milestones": "milestones"}
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
    editor = PROJECT_UPDATE_EDITOR
    # The service makes whoever writes an update its author when none is chosen (the editor
    # names no create service: it creates updates on their pilot's page).
    create_service = staticmethod(project_update_create)
    list_display = ("title", "project", "status", "published_at", "author")
    list_select_related = ("project", "author")
    list_filter = ("status",)
    search_fields = ("title", "body", "project__title")
    ordering = ("-published_at", "-created_at")
    date_hierarchy = "published_at"
    autocomplete_fields = ("project", "author")
    readonly_fields = ("created_at", "updated_at")


@admin.register(Milestone)
class MilestoneAdmin(LanguageColumnsHiddenMixin, SimpleHistoryAdmin):
    list_display = ("title", "project", "due_on", "completed_on")
    list_select_related = ("project",)
    search_fields = ("title", "project__title")
    ordering = ("due_on",)
    date_hierarchy = "due_on"
    autocomplete_fields = ("project",)


class ReadOnlyInline(admin.TabularInline):
    """Rows only the collaboration pages write: shown here, never added, changed or deleted."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # Whoever may open the request in the admin reads its whole story.
        opts = CollaborationRequest._meta
        return any(
            request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in ("view", "change")
        )


class CollaborationMessageInline(ReadOnlyInline):
    model = CollaborationMessage
    fields = ("author", "created_at", "body", "attachment_link")
    readonly_fields = fields
    verbose_name = _("message")
    verbose_name_plural = _("conversation")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    @admin.display(description=_("attachment"))
    def attachment_link(self, message):
        if not message.attachment:
            return "—"
        # Through the portal's download view, which checks who may read the file.
        url = reverse(
            "collaboration:attachment", kwargs={"pk": message.request_id, "message_pk": message.pk}
        )
        return format_html(
            '<a href="{}">{}</a>', url, message.attachment_name or message.attachment.name
        )


class CollaborationStatusChangeInline(ReadOnlyInline):
    model = CollaborationStatusChange
    fields = ("from_status", "to_status", "actor", "created_at", "note")
    readonly_fields = fields
    verbose_name = _("status change")
    verbose_name_plural = _("status history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class CollaborationAgeFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [(value, label) for value, label, _newer, _older in AGE_BUCKETS]

    def queryset(self, request, queryset):
        if self.value():
            return collaboration_requests_aged(queryset, age=self.value())
        return queryset


class CollaborationRequestAdminForm(forms.ModelForm):
    class Meta:
        model = CollaborationRequest
        fields = (
            "kind",
            "message",
            "contact_preferences",
            "requester",
            "organization",
            "organization_name",
            "project",
            "cluster",
            "city",
            "assigned_to",
        )
        # Read-only fields show the form's help text; the model's status field has none.
        help_texts = {
            "status": _(
                "Read-only here: a change made in the admin would skip the workflow's checks, "
                "its history and the emails to the requester. Staff move a request on from its "
                "review page (link below)."
            ),
        }

    def clean_assigned_to(self):
        assignee = self.cleaned_data.get("assigned_to")
        if assignee is not None and not can_review(assignee):
            raise forms.ValidationError(_("Only UN staff can handle collaboration requests."))
        return assignee


@admin.register(CollaborationRequest)
class CollaborationRequestAdmin(admin.ModelAdmin):
    form = CollaborationRequestAdminForm
    inlines = (CollaborationStatusChangeInline, CollaborationMessageInline)
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
    list_filter = ("status", "kind", CollaborationAgeFilter)
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
    # What the workflow decides is only ever written by collaboration_services.
    readonly_fields = (
        "status",
        "decided_at",
        "accepted_project",
        "accepted_role",
        "review_page",
        "created_at",
        "updated_at",
    )
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
        (
            _("Review"),
            {
                "fields": (
                    "status",
                    "review_page",
                    "assigned_to",
                    "decided_at",
                    "accepted_project",
                    "accepted_role",
                )
            },
        ),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )

    def has_add_permission(self, request):
        # Requests come through /collaborate/, which records the history and tells reviewers;
        # one typed in here would have neither.
        return False

    @admin.display(description=_("target"))
    def target(self, collaboration):
        return collaboration.target

    @admin.display(description=_("organization"), ordering="organization__name")
    def requesting_organization(self, collaboration):
        return collaboration.organization or collaboration.organization_name

    @admin.display(description=_("review page"))
    def review_page(self, collaboration):
        if collaboration.pk is None:
            return "—"
        url = reverse("collaboration:detail", kwargs={"pk": collaboration.pk})
        return format_html('<a href="{}">{}</a>', url, _("Start the review, accept or decline"))
