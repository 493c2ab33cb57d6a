"""What every admin of publishable content shares: publishing goes through the type's service."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import PublicationStatus
from core.publication import PublicationRefused


class PublishableAdminForm(forms.ModelForm):
    """Choosing "published" for an item that is not public is a request, not a field change.

    The row is saved as it was (a draft), and once its relations are saved the admin calls the
    type's publish service, which dates it, records it in the history and tells followers once,
    exactly as the editorial pages and the API do.
    """

    publish_requested = False

    def clean(self):
        cleaned_data = super().clean()
        was_published = self.instance.pk and self.initial.get("status") == (
            PublicationStatus.PUBLISHED
        )
        if cleaned_data.get("status") == PublicationStatus.PUBLISHED and not was_published:
            cleaned_data["status"] = self.initial.get("status", PublicationStatus.DRAFT)
            self.publish_requested = True
        return cleaned_data


def refusal_reason(refusal: Exception) -> str:
    if isinstance(refusal, ValidationError):
        return " ".join(refusal.messages)
    return str(refusal)


class PublishableInlineMixin:
    """An inline of publishable rows (a project's updates): set `publish_service`."""

    form = PublishableAdminForm
    publish_service = None

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "published_at")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.publish_service = staticmethod(self.publish_service)
        return formset


class PublishableAdminMixin:
    """Publication in the admin works as on the editorial pages and in the API.

    The actions and the change form call each app's publish/unpublish services (set as
    `publish_service` and `unpublish_service`), so rows are locked, dated, recorded in the
    history and announced to followers exactly once. The publication date is the service's to
    set: it is shown, not edited.
    """

    form = PublishableAdminForm
    actions = ("publish_selected", "unpublish_selected")
    publish_service = None
    unpublish_service = None

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "published_at")

    def save_related(self, request, form, formsets, change):
        # Publish once the many-to-many links and inlines are saved: they decide who is told.
        super().save_related(request, form, formsets, change)
        requested = []
        if form.publish_requested:
            requested.append((self.publish_service, form.instance))
        for formset in formsets:
            service = getattr(formset, "publish_service", None)
            for inline_form in formset.forms:
                if getattr(inline_form, "publish_requested", False) and inline_form.instance.pk:
                    requested.append((service, inline_form.instance))
        for service, obj in requested:
            self.run_publication_service(request, [obj], service, done_message=None)

    def run_publication_service(self, request, queryset, service, done_message):
        done = 0
        for obj in queryset:
            try:
                service(obj=obj, actor=request.user)
            except (PublicationRefused, ValidationError) as refusal:
                self.message_user(request, f"{obj}: {refusal_reason(refusal)}", messages.WARNING)
            else:
                done += 1
        if done and done_message:
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
