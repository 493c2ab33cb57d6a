"""What the admins of content share: saves and publication go through each type's services.

The admin is one more caller of the services the editorial pages, the API and tasks use: a
change form hands its cleaned values (and the rows of the inlines the service owns) to the
type's create or update service, so validation, history, relations and publication behave the
same on every surface.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.content_language import column as language_column
from core.content_language import language_codes, translated_fields
from core.editor import formset_rows, service_errors_add
from core.publication import PublicationRefused
from core.services import history_stamp


class PublishableAdminForm(forms.ModelForm):
    """The status chosen here is a request to the type's services, not a field to write.

    The row is validated as it stands (a draft stays a draft while the form checks it); the
    create or update service then publishes or withdraws it through the publish service, which
    dates it, records it in the history and tells followers once, as on the pages and the API.
    """

    requested_status = None

    def clean(self):
        cleaned_data = super().clean()
        if "status" in cleaned_data:
            self.requested_status = cleaned_data["status"]
            cleaned_data["status"] = self.instance.status
        return cleaned_data


def refusal_reason(refusal: Exception) -> str:
    if isinstance(refusal, ValidationError):
        return " ".join(refusal.messages)
    return str(refusal)


def service_data(form) -> dict:
    """A valid admin form's values of model fields as plain data, with the status it asks for."""
    opts = form._meta.model._meta
    data = {}
    for name, value in form.cleaned_data.items():
        try:
            field = opts.get_field(name)
        except FieldDoesNotExist:
            continue  # DELETE, or a field of the form's own
        if field.many_to_many or (field.concrete and not field.primary_key):
            data[name] = value
    if getattr(form, "requested_status", None) is not None:
        data["status"] = form.requested_status
    return data


def _take_over(obj, saved) -> None:
    # The admin goes on with its own copy (the history entry, the message, the redirect); make it
    # the row the service wrote.
    obj.pk = saved.pk
    obj._state.adding = False
    obj._state.db = saved._state.db
    obj.refresh_from_db()


def _note_changes(formset, parent) -> None:
    # What Django's formset.save() would have noted, for the admin's change message.
    deleted = set(map(id, formset.deleted_forms))
    formset.deleted_objects = [f.instance for f in formset.initial_forms if id(f) in deleted]
    formset.changed_objects = [
        (f.instance, f.changed_data)
        for f in formset.initial_forms
        if id(f) not in deleted and f.has_changed()
    ]
    formset.new_objects = []
    for form in formset.extra_forms:
        if id(form) not in deleted and form.has_changed():
            setattr(form.instance, formset.fk.name, parent)
            formset.new_objects.append(form.instance)


def picker_inline(model, picked: str, *details: str):
    """A tabular inline of `model` rows that each pick one `picked` row (by autocomplete) and
    say a few `details` about it: a pilot's partners, a city's needs, a cluster's members."""
    return type(
        f"{model.__name__}Inline",
        (admin.TabularInline,),
        {
            "model": model,
            "fields": (picked, *details),
            "autocomplete_fields": (picked,),
            "extra": 0,
        },
    )


class LanguageColumnsHiddenMixin:
    """The admin edits a translated field in the language the admin is read in (Django's
    `title` reads and writes the active language's column); the per-language columns and the
    original language are the translation pages' work (core.translation_views)."""

    def get_exclude(self, request, obj=None):
        hidden = [
            language_column(field, language)
            for field in translated_fields(self.model)
            for language in language_codes()
        ]
        if hidden:
            hidden.append("original_language")
        return [*(super().get_exclude(request, obj) or ()), *hidden]


class EditorServicesMixin:
    """The services of a type's `editor` (core.content_editor) are its admin's too, so the
    editorial pages and the admin save through the same functions, named once. An admin sets
    its own `create_service`... where it needs one the editor does not have."""

    editor = None
    create_service = None
    update_service = None
    service_object_name = ""  # the update service's keyword for the row

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.editor is None:
            return
        for name in ("create_service", "update_service", "publish_service", "unpublish_service"):
            if hasattr(self, name) and getattr(self, name) is None:
                setattr(self, name, getattr(self.editor, name))
        self.service_object_name = self.service_object_name or self.editor.update_object_name


class ServiceInlineMixin(EditorServicesMixin, LanguageColumnsHiddenMixin):
    """An inline of rows that are content themselves (a series' sessions): each row is saved
    through its type's services (those of its `editor`, or `create_service`, `update_service`
    and `service_object_name`)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.service_inline = self
        return formset


class ServiceAdminMixin(EditorServicesMixin, LanguageColumnsHiddenMixin):
    """Saves go through the type's services instead of the form's own save.

    `create_service(actor=, data=, **rows)` and `update_service(<service_object_name>=obj,
    actor=, data=, **rows)`, those of the type's `editor` unless the admin names them; either
    may be None to leave that kind of save to Django (with the history still saying who and
    why). `service_rows` maps an inline's prefix to the service
    keyword that takes its rows, as dicts; the service replaces the whole list. Other inlines
    are saved after the service, by their own services (ServiceInlineMixin) or by Django.

    What a service refuses although the form was valid (a publication not allowed yet) shows as
    an error on the same form, with nothing saved.
    """

    service_rows: dict[str, str] = {}

    def _saved_by_django(self, change: bool) -> bool:
        return (self.update_service if change else self.create_service) is None

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed():
            return  # saved unchanged: nothing is written, as with the services (model_save)
        if self._saved_by_django(change):
            history_stamp(obj, actor=request.user, reason="changed" if change else "created")
            super().save_model(request, obj, form, change)
        # Otherwise written in save_related, once the inlines' rows are known: the service saves
        # the row, its relations and its rows together.

    def save_related(self, request, form, formsets, change):
        if self._saved_by_django(change):
            super().save_related(request, form, formsets, change)
            return
        rows = {
            self.service_rows[formset.prefix]: formset_rows(formset)
            for formset in formsets
            if formset.prefix in self.service_rows
        }
        data = service_data(form)
        if change:
            saved = self.update_service(
                **{self.service_object_name: form.instance},
                actor=request.user,
                data=data,
                **rows,
            )
        else:
            saved = self.create_service(actor=request.user, data=data, **rows)
        _take_over(form.instance, saved)
        for formset in formsets:
            if formset.prefix in self.service_rows:
                _note_changes(formset, form.instance)
            else:
                self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        inline = getattr(formset, "service_inline", None)
        if inline is None:
            super().save_formset(request, form, formset, change)
            return
        deleted = set(map(id, formset.deleted_forms))
        for row_form in formset.initial_forms:
            if id(row_form) in deleted:
                history_stamp(row_form.instance, actor=request.user, reason="deleted")
                row_form.instance.delete()
            elif row_form.has_changed():
                inline.update_service(
                    **{inline.service_object_name: row_form.instance},
                    actor=request.user,
                    data=service_data(row_form),
                )
        for row_form in formset.extra_forms:
            if id(row_form) not in deleted and row_form.has_changed():
                created = inline.create_service(actor=request.user, data=service_data(row_form))
                _take_over(row_form.instance, created)
        _note_changes(formset, form.instance)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as refusal:
            if request.method != "POST" or getattr(request, "service_refusal", None):
                raise
            # The service refused after the form and inlines were valid; its transaction (the
            # admin's) rolled everything back. Show the same form again with the reason.
            request.service_refusal = refusal
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "service_refusal", None)
        if refusal is None:
            return form_class

        class RefusedForm(form_class):
            def clean(self):
                cleaned_data = super().clean()
                service_errors_add(self, refusal)
                return cleaned_data

        return RefusedForm


class PublishableInlineMixin(ServiceInlineMixin):
    """An inline of publishable rows (a project's updates): its status goes to the services.
    Each row is content with a change page of its own, linked; no empty rows are offered."""

    form = PublishableAdminForm
    extra = 0
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "published_at")


PUBLISHED_MESSAGE = ngettext_lazy(
    "%(count)d item published.", "%(count)d items published.", "count"
)
UNPUBLISHED_MESSAGE = ngettext_lazy(
    "%(count)d item moved back to draft.", "%(count)d items moved back to draft.", "count"
)


class PublishableAdminMixin(ServiceAdminMixin):
    """Publication in the admin works as on the editorial pages and in the API.

    The change form's status goes to the create/update services (which publish through the
    type's publish service); the actions call `publish_service` and `unpublish_service` (the
    editor's, like the others). So rows
    are locked, dated, recorded in the history and announced to followers exactly once. The
    publication date is the service's to set: it is shown, not edited.
    """

    form = PublishableAdminForm
    actions = ("publish_selected", "unpublish_selected")
    publish_service = None
    unpublish_service = None

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "published_at")

    def run_publication_service(self, request, queryset, service, done_message):
        """Run `service` on each selected row; `done_message` % {"count": ...} says how many."""
        done = 0
        for obj in queryset:
            try:
                service(obj=obj, actor=request.user)
            except (PublicationRefused, ValidationError) as refusal:
                self.message_user(request, f"{obj}: {refusal_reason(refusal)}", messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Publish selected"), permissions=("change",))
    def publish_selected(self, request, queryset):
        self.run_publication_service(request, queryset, self.publish_service, PUBLISHED_MESSAGE)

    @admin.action(description=_("Unpublish selected"), permissions=("change",))
    def unpublish_selected(self, request, queryset):
        self.run_publication_service(request, queryset, self.unpublish_service, UNPUBLISHED_MESSAGE)
