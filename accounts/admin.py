from allauth.account.decorators import secure_admin_login
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from accounts.editors import ORGANIZATION_EDITOR
from accounts.models import (
    Organization,
    OrganizationOffer,
    RoleRequest,
    RoleRequestStatus,
    User,
)
from accounts.services import role_request_approve, role_request_decline
from core.admin import picker_inline

# The project has no portal-wide AdminSite subclass; the default site is branded here because
# accounts is the first domain app the admin discovers.
admin.site.site_header = "South-South Cities Clusters"
admin.site.site_title = "South-South Cities Clusters"
admin.site.index_title = _("Portal administration")
# One sign-in page for everyone: the admin's own form would bypass allauth's brute-force throttle
# and email verification, so /admin/login/ sends people to the site's sign-in instead.
admin.site.login = secure_admin_login(admin.site.login)


class EmailUserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "name")

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        # The database refuses emails that differ only by case; say so before it does.
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(_("A user with this email address already exists."))
        return email


class EmailUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        others = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(_("A user with this email address already exists."))
        return email


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = EmailUserChangeForm
    add_form = EmailUserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Profile"),
            {
                "fields": (
                    "name",
                    "organization",
                    "city",
                    "preferred_language",
                    "time_zone",
                    "digest_frequency",
                )
            },
        ),
        (
            _("Roles and permissions"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ),
                "description": _(
                    "Roles are groups: UN staff edit content, city officials keep their city "
                    "current, partners request collaboration."
                ),
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "name", "usable_password", "password1", "password2"),
            },
        ),
    )
    list_display = ("email", "name", "organization", "city", "is_staff", "is_active", "last_login")
    list_select_related = ("organization", "city")
    list_filter = (
        "is_staff",
        "is_superuser",
        "is_active",
        "groups",
        ("organization", admin.RelatedOnlyFieldListFilter),
        ("city", admin.RelatedOnlyFieldListFilter),
        "digest_frequency",
    )
    search_fields = ("email", "name")
    ordering = ("email",)
    autocomplete_fields = ("organization", "city")
    readonly_fields = ("last_login", "date_joined")
    date_hierarchy = "date_joined"


OrganizationOfferInline = picker_inline(OrganizationOffer, "topic", "note", "contact_role")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "acronym", "kind", "country", "member_count", "is_demo")
    list_filter = ("kind", "country", "is_demo")
    search_fields = ("name", "acronym")
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at", "translations")
    inlines = (OrganizationOfferInline,)
    fieldsets = (
        (None, {"fields": ("name", "acronym", "slug", "kind", "country", "website")}),
        (_("Profile"), {"fields": ("description", "translations", "is_demo")}),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    def save_model(self, request, obj, form, change):
        # Saved unchanged, nothing is written: no new "updated" time, no history entry.
        if change and not form.has_changed():
            return
        super().save_model(request, obj, form, change)

    @admin.display(description=_("translations of the description"))
    def translations(self, organization):
        # The description is written here in the active language; the other languages on the
        # side-by-side translation pages.
        if organization.pk is None:
            return "-"
        return render_to_string(
            "editor/_translation_links.html",
            {"links": ORGANIZATION_EDITOR.translation_links(organization)},
        )

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, organization):
        return organization.member_count


APPROVED_MESSAGE = ngettext_lazy("Approved %d request.", "Approved %d requests.")
DECLINED_MESSAGE = ngettext_lazy("Declined %d request.", "Declined %d requests.")


@admin.register(RoleRequest)
class RoleRequestAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "city", "organization", "status", "created_at", "reviewed_by")
    list_select_related = ("user", "city", "organization", "reviewed_by")
    list_filter = ("status", "role")
    search_fields = ("user__email", "user__name", "city__name", "organization__name")
    autocomplete_fields = ("user", "city", "organization")
    date_hierarchy = "created_at"
    # Decisions go through the actions, which also grant the role and tell the applicant.
    readonly_fields = ("status", "reviewed_by", "reviewed_at", "created_at", "updated_at")
    fields = (
        "user",
        "role",
        "city",
        "organization",
        "message",
        "status",
        "decision_note",
        "reviewed_by",
        "reviewed_at",
        "created_at",
        "updated_at",
    )
    actions = ["approve", "decline"]

    def _decide(self, request, queryset, decide, done_message):
        decided = 0
        for role_request in queryset.filter(status=RoleRequestStatus.PENDING).select_related(
            "user", "city", "organization"
        ):
            if decide(
                role_request=role_request,
                reviewer=request.user,
                note=role_request.decision_note,
            ):
                decided += 1
        skipped = queryset.count() - decided
        self.message_user(request, done_message % decided, messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%d request was not pending and was left as it was.",
                    "%d requests were not pending and were left as they were.",
                    skipped,
                )
                % skipped,
                messages.WARNING,
            )

    @admin.action(description=_("Approve the selected requests (grant the role)"))
    def approve(self, request, queryset):
        self._decide(request, queryset, role_request_approve, APPROVED_MESSAGE)

    @admin.action(description=_("Decline the selected requests"))
    def decline(self, request, queryset):
        self._decide(request, queryset, role_request_decline, DECLINED_MESSAGE)
