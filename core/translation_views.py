"""Translating as editorial work: the side-by-side translation page of every content type, the
list of what is missing on the editor's desk, and the note editors see on an untranslated page.

Editors see which fields of a public page wait for a translation next to its Edit button
(core.templatetags.editor_tags). The pages come from each type's `ContentEditor` declaration (core.content_editor): the fields
are those its app registers in `translation.py`, the permission is the edit page's, and a save
goes through the type's update service, so history (which records each language's column),
validation and publication behave as for the edit page. On a published item the form's buttons
are "Publish translation" and "Preview"; on a draft, "Save translation".
"""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.content_language import (
    active_language,
    column,
    direction,
    language_codes,
    language_names,
    missing_filter,
    name_in_running_text,
    original_language,
    raw_text,
    translated_fields,
    untranslated_fields,
)
from core.editor import editing_home, preview_page, registered_editors
from core.machine_translation import SuggestionUnavailable, suggest, suggestions_enabled

ACTION_SAVE = "save"
ACTION_PREVIEW = "preview"
ACTION_SUGGEST = "suggest"
MISSING_PER_PAGE = 50


def translation_form_class(model, language: str):
    """A form with one field per translated field of `model`, in `language`'s column."""
    attributes = {"lang": language, "dir": direction(language)}
    fields = {}
    for name in translated_fields(model):
        model_field = model._meta.get_field(name)
        multiline = isinstance(model_field, models.TextField)
        fields[column(name, language)] = forms.CharField(
            label=model_field.verbose_name.capitalize(),
            required=False,
            max_length=model_field.max_length,
            widget=forms.Textarea(attrs={"rows": 8, **attributes})
            if multiline
            else forms.TextInput(attrs=attributes),
        )
    return type("TranslationForm", (forms.Form,), fields)


def _initial(obj, language: str) -> dict:
    return {
        column(name, language): raw_text(obj, name, language) for name in translated_fields(obj)
    }


def translate_page(editor, request, obj, language: str):
    """GET: the original beside the target language's fields. POST: save (or publish, on a
    published item) through the update service, preview in a rolled-back transaction, or fill
    the fields with machine suggestions for review."""
    source = original_language(obj)
    if language not in language_codes() or language == source or not translated_fields(obj):
        raise Http404
    form_class = translation_form_class(type(obj), language)
    initial = _initial(obj, language)
    action = request.POST.get("action", ACTION_SAVE) if request.method == "POST" else ""
    form = form_class(request.POST if action else None, initial=initial)
    suggested = False
    if action == ACTION_SUGGEST and suggestions_enabled():
        form, suggested = _with_suggestions(request, form, form_class, obj, source, language)
    elif action and form.is_valid():
        data = {name: form.cleaned_data[name] or None for name in form.changed_data}
        if action == ACTION_PREVIEW:
            return _preview(editor, request, obj, data, language)
        if not data:
            messages.info(request, _("Nothing changed."))
            return redirect(editor.address(obj, "translate", language=language))
        with translation.override(source):
            editor.update(request=request, obj=obj, data=data, rows={})
        if editor.is_public(obj):
            messages.success(request, _("The translation is published."))
        else:
            messages.success(request, _("Translation saved with the draft."))
        return redirect(editor.address(obj, "translate", language=language))
    names = language_names()
    rows = [
        {
            "label": form[column(name, language)].label,
            "original": raw_text(obj, name, source),
            "field": form[column(name, language)],
        }
        for name in translated_fields(obj)
    ]
    heading = _("Translate “%(item)s” into %(language)s") % {
        "item": obj,
        "language": name_in_running_text(names[language]),
    }
    return render(
        request,
        "editor/translate.html",
        {
            "obj": obj,
            "form": form,
            "all_forms": [form],
            "rows": rows,
            "heading": heading,
            "source": source,
            "source_name": name_in_running_text(names[source]),
            "source_dir": direction(source),
            "language": language,
            "language_name": names[language],
            "language_dir": direction(language),
            "other_languages": editor.translation_links(obj),
            "is_published": editor.is_public(obj),
            "publishable": editor.previewable,
            "can_suggest": suggestions_enabled(),
            "suggested": suggested,
            "edit_url": editor.address(obj, "edit"),
            "breadcrumbs": [
                editing_home(request.user),
                (str(obj), editor.address(obj, "edit")),
                (names[language], ""),
            ],
        },
        status=400 if action and not suggested and form.errors else 200,
    )


def _with_suggestions(request, form, form_class, obj, source, language):
    """The posted form with its empty fields filled by the machine service, for review."""
    data = request.POST.copy()
    texts = {
        column(name, language): raw_text(obj, name, source)
        for name in translated_fields(obj)
        if not data.get(column(name, language), "").strip()
    }
    try:
        suggestions = suggest(texts, source=source, target=language)
    except SuggestionUnavailable as refusal:
        messages.error(request, str(refusal))
        return form_class(data), False
    for name, text in suggestions.items():
        data[name] = text
    messages.warning(
        request,
        _(
            "Machine suggestions fill the empty fields. Read and correct them: nothing is saved "
            "until you press the button below."
        ),
    )
    return form_class(data), True


def _preview(editor, request, obj, data, language):
    """The public page in the target language with these texts; nothing is kept."""
    with transaction.atomic():
        with translation.override(original_language(obj)):
            changed = editor.update(request=request, obj=obj, data=data, rows={}) if data else obj
        with translation.override(language):
            response = preview_page(
                request, objs=editor.preview_objects(changed), obj=changed, unsaved=True
            )
        transaction.set_rollback(True)
    return response


# --- The editor's desk: what waits for a translation ----------------------------------------------


def translatable_editors() -> dict[str, object]:
    """label -> editor, for every content type with translated fields."""
    return {
        editor.model._meta.label_lower: editor
        for editor in registered_editors()
        if translated_fields(editor.model)
    }


def missing_translations_page(request):
    """Items with original texts not yet written in a language, by type: the translators' list."""
    editors = translatable_editors()
    names = language_names()
    language = request.GET.get("language", "")
    if language not in names:
        # The reader's own language, or French for an English reader: English is most often
        # the original, so a list of what lacks English says little.
        language = active_language() if active_language() != "en" else "fr"
    chosen = request.GET.get("type", "")
    chosen = chosen if chosen in editors else ""
    sections = []
    for label, editor in editors.items():
        if chosen and label != chosen:
            continue
        queryset = editor.translation_queryset().filter(missing_filter(editor.model, language))
        page = Paginator(queryset.order_by("-pk"), MISSING_PER_PAGE).get_page(
            request.GET.get("page") if chosen else 1
        )
        items = [
            {
                "obj": obj,
                "fields": [
                    obj._meta.get_field(name).verbose_name
                    for name in untranslated_fields(obj, language)
                ],
                "url": editor.address(obj, "translate", language=language),
            }
            for obj in page.object_list
        ]
        sections.append(
            {
                "label": label,
                "name": editor.model._meta.verbose_name_plural.capitalize(),
                "items": items,
                "page": page,
            }
        )
    return render(
        request,
        "editor/missing_translations.html",
        {
            "sections": sections,
            "language": language,
            "languages": [(code, name) for code, name in names.items()],
            "types": [
                (label, editor.model._meta.verbose_name_plural.capitalize())
                for label, editor in editors.items()
            ],
            "chosen_type": chosen,
            "breadcrumbs": [
                (_("Editor"), reverse("editor-desk")),
                (_("Missing translations"), ""),
            ],
        },
    )
