"""Editorial pages generated from one declaration per content type.

A content type's editor says what its form is, which lists of rows it has (a pilot's cities, an
event's co-hosts), which services create, update, publish and withdraw it, and who besides UN
staff may edit it. From that, `ContentEditor.urls()` gives the pages every type has:

    new/                      create (where the type has creation)
    <object>/edit/            edit; a published item's changes go public only by "Publish changes"
    <object>/preview/         the saved draft in the public layout
    <object>/publish/         publish (POST)
    <object>/unpublish/       back to draft (POST)
    <object>/history/         who changed what

A type's real rules are methods it overrides (a proposal form for a city official, an update
that lives under its pilot); everything else is shared. Declarations register themselves from
their app's ready() (`register()`), which is how core.editor answers "may this person edit
this?" and "where is its edit page?" without importing any app.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.content_language import (
    active_language,
    language_codes,
    language_names,
    original_language,
    translated_fields,
    untranslated_fields,
)
from core.editor import (
    editor_register,
    formset_rows,
    history_page,
    preview_page,
    publication_action,
    refuse_unless,
    service_errors_add,
)
from core.models import PublicationStatus
from core.roles import is_editor
from core.routes import object_pages
from core.translation_views import translate_page

# The form's submit buttons say what they do; `action` tells the view which one was pressed.
ACTION_SAVE = "save"
ACTION_PREVIEW = "preview"
ACTION_ADD_ROW = "add-"  # + the list's prefix: "add-cities"


def _with_one_more_row(data, *, prefix: str):
    """The posted data with one more (empty) row in the list `prefix`: "Add another" without
    JavaScript. A tampered or unknown prefix changes nothing."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    with contextlib.suppress(KeyError, ValueError):
        data[key] = str(int(data[key]) + 1)
    return data


def _without_errors(form, formsets) -> None:
    form._errors = ErrorDict()
    for formset in formsets:
        formset._errors = [ErrorDict() for _row in formset.forms]
        formset._non_form_errors = formset.error_class()
        for row in formset.forms:
            row._errors = ErrorDict()


class FormsetSpec:
    """A list of rows edited with the item (an inline formset), and its service argument (by
    default the formset's prefix: `cities` rows go to the service's `cities=`)."""

    def __init__(self, formset_class, *, prefix: str, legend, argument: str | None = None):
        self.formset_class = formset_class
        self.prefix = prefix
        self.legend = legend
        self.argument = argument or prefix

    def build(self, data, files, obj, model):
        formset = self.formset_class(data, files, instance=obj or model(), prefix=self.prefix)
        formset.legend = self.legend
        return formset


class ContentEditor:
    model = None
    namespace = ""  # the app's URL namespace: "projects"
    name_prefix = ""  # URL names are f"{namespace}:{name_prefix}{action}": "series-edit"
    object_path = "<slug:slug>/"
    new_path: str | None = "new/"  # None: the type is not created through these pages
    form_class = None
    formsets: tuple[FormsetSpec, ...] = ()
    new_heading = gettext_lazy("New item")
    multipart = False
    # Field values the preview sets besides publication (a proposal is previewed as accepted).
    preview_overrides: dict = {}

    # False: the item is written on another page (its pilot's form, the admin), which
    # `edit_address` names; the type then gets its translation and history pages only.
    has_edit_page = True

    # Services, as plain functions of keyword arguments (see the methods below).
    create_service = None
    update_service = None
    publish_service = None
    unpublish_service = None
    # The keyword the update service names its object with ("project", "event"...).
    update_object_name = ""

    # --- Questions a type may answer its own way -----------------------------------------------

    @property
    def publishable(self) -> bool:
        return self.publish_service is not None

    @property
    def previewable(self) -> bool:
        """Whether the public page can be previewed with unsaved changes (`preview_objects`)."""
        return self.publishable

    def is_public(self, obj) -> bool:
        """Whether a saved change shows on the public page at once (a translation page's button
        then says "Publish translation"). An item without publication of its own overrides this:
        a milestone is public with its pilot, an organization always."""
        return getattr(obj, "status", None) == PublicationStatus.PUBLISHED

    def edit_address(self, obj) -> str:
        """Where an item without an edit page of its own (`has_edit_page = False`) is written."""
        raise NotImplementedError

    def get_object(self, **kwargs):
        return get_object_or_404(self.model, slug=kwargs["slug"])

    def url_kwargs(self, obj) -> dict:
        return {"slug": obj.slug}

    def public_object(self, obj):
        """The page a reader opens for the object."""
        return obj

    def preview_objects(self, obj) -> list:
        """What must be public for the object's public page to show it."""
        return [obj]

    def source_language(self, obj) -> str:
        """The language the edit form writes in: the item's original one."""
        return original_language(obj) if obj is not None else active_language()

    def may_edit(self, user, obj) -> bool:
        """Whether someone who is not UN staff may edit `obj` (staff edit everything)."""
        return False

    # Whether anyone but staff may edit some item of the type: true where the type writes its
    # own `may_edit`. Pages shared by their readers load an item to ask only then.
    others_may_edit = False
    # The fields `may_edit` reads, so that a shared page asking about its Edit links loads those
    # rather than whole rows with every language's columns; empty: the whole row.
    may_edit_fields: tuple = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "may_edit" in cls.__dict__:
            cls.others_may_edit = True

    def may_create(self, user) -> bool:
        return is_editor(user)

    def get_form_class(self, request, obj):
        return self.form_class

    def initial(self, request, **kwargs) -> dict | None:
        return None

    def heading(self, request, obj, **kwargs) -> str:
        return str(obj) if obj is not None else str(self.new_heading)

    def extra_context(self, request, obj, **kwargs) -> dict:
        return {}

    def create(self, *, request, data, rows, **kwargs):
        return self.create_service(actor=request.user, data=data, **rows)

    def update(self, *, request, obj, data, rows):
        return self.update_service(
            **{self.update_object_name: obj}, actor=request.user, data=data, **rows
        )

    def after_save_url(self, obj) -> str:
        return self.address(obj, "edit")

    # --- Addresses -----------------------------------------------------------------------------

    def address(self, obj, action: str, **extra) -> str:
        if action == "edit" and not self.has_edit_page:
            return self.edit_address(obj)
        name = f"{self.namespace}:{self.name_prefix}{action}"
        return reverse(name, kwargs={**self.url_kwargs(obj), **extra})

    @property
    def translatable(self) -> bool:
        return bool(translated_fields(self.model))

    def translation_links(self, obj) -> list[dict]:
        """The translation pages of `obj`, one per language but its original, each saying
        whether some field still waits for that language."""
        names = language_names()
        return [
            {
                "code": code,
                "name": names[code],
                "url": self.address(obj, "translate", language=code),
                "missing": bool(untranslated_fields(obj, code)),
            }
            for code in language_codes()
            if code != original_language(obj)
        ]

    def translation_queryset(self):
        """The rows the missing-translations list reads (with what `url_kwargs` needs)."""
        return self.model.objects.all()

    def addresses(self, obj) -> dict[str, str]:
        actions = ("edit", "history")
        if self.publishable:
            actions += ("preview", "publish", "unpublish")
        urls = {action: self.address(obj, action) for action in actions}
        urls["view"] = self.public_object(obj).get_absolute_url()
        return urls

    # --- Views ---------------------------------------------------------------------------------

    @property
    def staff_only(self) -> bool:
        return type(self).may_edit is ContentEditor.may_edit

    def _refusal(self, request, obj):
        allowed = is_editor(request.user) or (
            request.user.is_authenticated and self.may_edit(request.user, obj)
        )
        return refuse_unless(request, allowed)

    def _object_for(self, request, kwargs):
        """(object, refusal): staff-only pages refuse before looking anything up."""
        if self.staff_only:
            refusal = refuse_unless(request, is_editor(request.user))
            if refusal:
                return None, refusal
        obj = self.get_object(**kwargs)
        return obj, self._refusal(request, obj)

    def create_view(self, request, **kwargs):
        refusal = refuse_unless(request, self.may_create(request.user))
        return refusal or self._form_view(request, None, kwargs)

    def edit_view(self, request, **kwargs):
        obj, refusal = self._object_for(request, kwargs)
        return refusal or self._form_view(request, obj, kwargs)

    def preview_view(self, request, **kwargs):
        obj, refusal = self._object_for(request, kwargs)
        return refusal or preview_page(request, objs=self.preview_objects(obj), obj=obj)

    def _publication_view(self, request, kwargs, *, action, done_message, next_url):
        refusal = refuse_unless(request, is_editor(request.user))
        if refusal:
            return refusal
        obj = self.get_object(**kwargs)
        return publication_action(
            request, obj=obj, action=action, done_message=done_message, next_url=next_url(obj)
        )

    def publish_view(self, request, **kwargs):
        return self._publication_view(
            request,
            kwargs,
            action=self.publish_service,
            done_message=_("Published."),
            next_url=lambda obj: self.public_object(obj).get_absolute_url(),
        )

    def unpublish_view(self, request, **kwargs):
        return self._publication_view(
            request,
            kwargs,
            action=self.unpublish_service,
            done_message=_("Back to draft: the page is hidden from the public."),
            next_url=lambda obj: self.address(obj, "edit"),
        )

    def translate_view(self, request, language, **kwargs):
        obj, refusal = self._object_for(request, kwargs)
        return refusal or translate_page(self, request, obj, language)

    def history_view(self, request, **kwargs):
        obj, refusal = self._object_for(request, kwargs)
        return refusal or history_page(request, obj=obj, back_url=self.address(obj, "edit"))

    def _form_view(self, request, obj, kwargs):
        posted = request.method == "POST"
        data, files = (request.POST, request.FILES) if posted else (None, None)
        action = request.POST.get("action", "") if posted else ""
        adding_row = action.startswith(ACTION_ADD_ROW)
        if adding_row:
            data = _with_one_more_row(data, prefix=action.removeprefix(ACTION_ADD_ROW))
        # The form edits the item in its original language (a new item: in the language its
        # author reads the portal in), whatever language the page around it is in; the other
        # languages are the translation pages' work (core.translation_views).
        refused = False
        with translation.override(self.source_language(obj)):
            form = self.get_form_class(request, obj)(
                data, files, instance=obj, initial=self.initial(request, **kwargs)
            )
            formsets = [spec.build(data, files, obj, self.model) for spec in self.formsets]
            if adding_row:
                # The page comes back with what was typed and one more empty row; nothing is
                # checked or saved yet, so no error is shown for a form still being filled in.
                _without_errors(form, formsets)
            elif posted and form.is_valid() and all(formset.is_valid() for formset in formsets):
                rows = {
                    spec.argument: formset_rows(formset)
                    for spec, formset in zip(self.formsets, formsets, strict=True)
                }
                unchanged = obj is not None and not (
                    form.has_changed() or any(formset.has_changed() for formset in formsets)
                )
                response = self._save(request, obj, form, rows, kwargs, unchanged=unchanged)
                if response is not None:
                    return response
            else:
                refused = posted
        if refused and formsets:
            # Django's formsets word a list's errors (duplicate rows) when they find them, in
            # the language then active: checked in the item's original language, they read in
            # English on the Arabic form. The lists are checked again in the page's language;
            # their forms change only their own rows, and the same data gives the same verdict.
            # The main form keeps its first check: its messages are worded when the page is
            # drawn, and a check of translated fields (a unique name) depends on the language.
            formsets = [spec.build(data, files, obj, self.model) for spec in self.formsets]
            for formset in formsets:
                formset.is_valid()
        is_published = getattr(obj, "status", None) == PublicationStatus.PUBLISHED
        heading = self.heading(request, obj, **kwargs)
        return render(
            request,
            "editor/form.html",
            {
                "form": form,
                "formsets": formsets,
                "heading": heading,
                "obj": obj,
                "is_published": is_published,
                "publishable": self.publishable,
                "multipart": self.multipart,
                # The suggestions endpoint is for editors; others just type their tags.
                "suggest_tags": is_editor(request.user),
                "all_forms": [form, *formsets],
                "breadcrumbs": [(_("Editor"), reverse("editor-desk")), (heading, "")],
                "translations": self.translation_links(obj)
                if obj is not None and self.translatable
                else [],
                **self.extra_context(request, obj, **kwargs),
            },
            status=400 if posted and not adding_row else 200,
        )

    def _save(self, request, obj, form, rows, kwargs, *, unchanged=False):
        """Run the service; None when it refused (its reasons are on the form now). `unchanged`:
        the form came back as it was sent, which the message then says rather than claiming
        that changes were published."""
        preview = request.POST.get("action") == ACTION_PREVIEW and obj is not None
        try:
            if preview:
                return self._preview_unsaved(request, obj, form, rows)
            if obj is None:
                data = dict(form.cleaned_data)
                if translated_fields(self.model):
                    data.setdefault("original_language", self.source_language(None))
                saved = self.create(request=request, data=data, rows=rows, **kwargs)
            else:
                saved = self.update(request=request, obj=obj, data=form.cleaned_data, rows=rows)
        except ValidationError as refusal:
            service_errors_add(form, refusal)
            return None
        # The form and the service ran in the item's original language (`_form_view`); what
        # comes next is read in the page's: the message, and the page the person goes back to
        # (/ar/cities/tripoli/ from the Arabic form, not the English /cities/tripoli/).
        with translation.override(getattr(request, "LANGUAGE_CODE", translation.get_language())):
            if unchanged:
                messages.info(request, _("Nothing was changed."))
            elif getattr(saved, "status", None) == PublicationStatus.PUBLISHED:
                messages.success(request, _("Your changes are published."))
            elif self.publishable:
                messages.success(request, _("Saved as a draft: not visible to the public."))
            else:
                messages.success(request, _("Saved."))
            return redirect(self.after_save_url(saved))

    def _preview_unsaved(self, request, obj, form, rows):
        """The public page as it would look with these changes; nothing is kept.

        The update runs in a transaction that is always rolled back, so neither the public,
        the history nor any follower sees it; the form stays open in the editor's other tab.
        """
        with transaction.atomic():
            changed = self.update(request=request, obj=obj, data=form.cleaned_data, rows=rows)
            response = preview_page(
                request, objs=self.preview_objects(changed), obj=changed, unsaved=True
            )
            transaction.set_rollback(True)
        return response

    # --- Wiring --------------------------------------------------------------------------------

    def urls(self) -> list:
        """The URL patterns of this type's editorial pages, to include in its app's URLconf."""
        prefix, at = self.name_prefix, self.object_path
        patterns = []
        if self.new_path is not None:
            patterns.append(path(self.new_path, self.create_view, name=f"{prefix}create"))
        edit = {"edit": self.edit_view} if self.has_edit_page else {}
        patterns += object_pages(at, {**edit, "history": self.history_view}, name_prefix=prefix)
        if self.translatable:
            patterns.append(
                path(
                    f"{at}translate/<str:language>/",
                    self.translate_view,
                    name=f"{prefix}translate",
                )
            )
        if self.publishable:
            actions = {
                "preview": self.preview_view,
                "publish": require_POST(self.publish_view),
                "unpublish": require_POST(self.unpublish_view),
            }
            patterns += object_pages(at, actions, name_prefix=prefix)
        return patterns

    def register(self) -> None:
        editor_register(self)
