from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin import PublishableAdminMixin, PublishableInlineMixin, picker_inline
from events.certificates import certificate_issue_if_earned
from events.editors import EVENT_EDITOR, SERIES_EDITOR
from events.models import (
    Certificate,
    Event,
    EventCoHost,
    FinalRequirementCompletion,
    Registration,
    RegistrationStatus,
    TrainingSeries,
)
from events.services import RegistrationRefused, registration_mark_attendance

EventCoHostInline = picker_inline(EventCoHost, "organization", "role")


class SessionInline(PublishableInlineMixin, admin.TabularInline):
    model = Event
    editor = EVENT_EDITOR
    verbose_name = _("session")
    verbose_name_plural = _("sessions")
    fields = ("title", "slug", "kind", "format", "starts_at", "ends_at", "status", "published_at")
    prepopulated_fields = {"slug": ("title",)}
    ordering = ("starts_at",)


@admin.register(TrainingSeries)
class TrainingSeriesAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
    editor = SERIES_EDITOR
    list_display = ("title", "start_year", "end_year", "is_certified", "status", "published_at")
    list_filter = ("status", "is_certified", "start_year", "is_demo")
    search_fields = ("title", "summary")
    ordering = ("-start_year", "title")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("organizers", "clusters")
    readonly_fields = ("created_at", "updated_at")
    inlines = (SessionInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "description")}),
        (_("Organization"), {"fields": ("organizers", "clusters", "start_year", "end_year")}),
        (
            _("Certificate"),
            {
                "fields": (
                    "is_certified",
                    "sessions_required_for_certificate",
                    "final_requirement",
                )
            },
        ),
        (_("Publication"), {"fields": ("status", "published_at", "is_demo")}),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )


@admin.register(Event)
class EventAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
    editor = EVENT_EDITOR
    service_rows = {"cohost_links": "cohosts"}
    list_display = (
        "title",
        "kind",
        "format",
        "starts_at",
        "city",
        "series",
        "status",
        "registration_count",
    )
    list_select_related = ("city", "series")
    list_filter = ("status", "kind", "format", "series", "is_demo")
    search_fields = ("title", "summary", "venue")
    ordering = ("-starts_at",)
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("city", "series", "clusters", "projects")
    readonly_fields = ("created_at", "updated_at")
    inlines = (EventCoHostInline,)

    def get_queryset(self, request):
        seats_taken = Count(
            "registrations", filter=~Q(registrations__status=RegistrationStatus.CANCELLED)
        )
        return super().get_queryset(request).annotate(registration_count=seats_taken)

    @admin.display(description=_("registrations"), ordering="registration_count")
    def registration_count(self, event):
        # Registrations can run into hundreds, so they get their own filtered list, not an inline.
        url = reverse("admin:events_registration_changelist")
        return format_html(
            '<a href="{}?event__id__exact={}">{}</a>', url, event.pk, event.registration_count
        )

    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "format", "summary", "description")}),
        (_("When"), {"fields": ("starts_at", "ends_at", "time_zone")}),
        (_("Where"), {"fields": ("city", "venue", "online_url", "languages")}),
        (
            _("Registration"),
            {"fields": ("capacity", "registration_opens_at", "registration_closes_at")},
        ),
        (_("Related to"), {"fields": ("series", "clusters", "projects")}),
        (_("Publication"), {"fields": ("status", "published_at", "is_demo")}),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("user", "event", "status", "created_at")
    list_select_related = ("user", "event")
    list_filter = ("status",)
    search_fields = ("user__email", "user__name", "event__title")
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    autocomplete_fields = ("user", "event")
    readonly_fields = ("created_at", "updated_at")
    actions = ("mark_attended",)

    @admin.action(description=_("Mark selected as attended"), permissions=("change",))
    def mark_attended(self, request, queryset):
        # Through the same service as the staff page: only seat holders of started events are
        # marked, and a participant who completes a series gets the certificate at once.
        marked, certificates, refusals = 0, 0, {}
        for registration in queryset.select_related("event"):
            try:
                with transaction.atomic():
                    _registration, certificate = registration_mark_attendance(
                        registration=registration, attended=True
                    )
            except RegistrationRefused as refusal:
                refusals[str(refusal)] = refusals.get(str(refusal), 0) + 1
                continue
            marked += 1
            certificates += certificate is not None
        self.message_user(
            request,
            ngettext(
                "%(count)d registration marked as attended.",
                "%(count)d registrations marked as attended.",
                marked,
            )
            % {"count": marked},
            messages.SUCCESS,
        )
        if certificates:
            self.message_user(
                request,
                ngettext(
                    "%(count)d certificate issued.", "%(count)d certificates issued.", certificates
                )
                % {"count": certificates},
                messages.SUCCESS,
            )
        for reason, count in refusals.items():
            self.message_user(request, f"{reason} ({count})", messages.WARNING)


class PersonInSeriesAdminMixin:
    """Rows that tie one person to one training series (a certificate, a met final requirement):
    listed by series, with the person and the series picked by search, not from a long list."""

    list_filter = ("series",)
    autocomplete_fields = ("user", "series")


@admin.register(Certificate)
class CertificateAdmin(PersonInSeriesAdminMixin, admin.ModelAdmin):
    list_display = ("user", "series", "issued_on", "verification_code")
    list_select_related = ("user", "series")
    search_fields = ("user__email", "user__name", "verification_code", "series__title")
    ordering = ("-issued_on",)
    date_hierarchy = "issued_on"
    # The code is printed on certificates people already hold; editing it would break them.
    readonly_fields = ("verification_code",)


@admin.register(FinalRequirementCompletion)
class FinalRequirementCompletionAdmin(PersonInSeriesAdminMixin, SimpleHistoryAdmin):
    list_display = ("user", "series", "completed_at", "recorded_by")
    list_select_related = ("user", "series", "recorded_by")
    search_fields = ("user__email", "user__name", "series__title", "note")
    ordering = ("-completed_at",)
    date_hierarchy = "completed_at"
    readonly_fields = ("recorded_by",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
        # Same rule as the staff page: the requirement may be the last thing missing. Deleting a
        # completion here, like unmarking it there, leaves an issued certificate in place.
        _certificate, issued_now = certificate_issue_if_earned(user=obj.user, series=obj.series)
        if issued_now:
            self.message_user(
                request,
                _("%(name)s completed the series: their certificate is issued.")
                % {"name": obj.user.get_full_name()},
                messages.SUCCESS,
            )
