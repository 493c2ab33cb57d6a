"""What the editorial pages share: who may edit what, slugs, preview and history.

Each content type registers how its editorial pages are addressed (`editor_register`, called from
its app's `ready()`), so this module names no domain app. Publication lives in core.publication.
"""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.content_language import column, translated_fields
from core.models import PublicationStatus
from core.publication import PublicationRefused
from core.roles import CITY_OFFICIAL, is_editor
from core.slugs import slug_from_text

# Words the public URLs use next to `<slug>/` ("mine": /events/mine/ leads to My portal); a slug
# equal to one would be shadowed.
RESERVED_SLUGS = {
    "new",
    "propose",
    "past",
    "series",
    "certificates",
    "edit",
    "feed",
    "mine",
    "applications",
}


# --- Registry -----------------------------------------------------------------------------------

# Each content type's editor (core.content_editor.ContentEditor), by model label. The apps
# register theirs from their ready(); this module only asks them questions.
_EDITORS: dict = {}


def editor_register(editor) -> None:
    _EDITORS[editor.model._meta.label_lower] = editor


def registered_editors() -> list:
    return list(_EDITORS.values())


def editor_for(obj):
    return _EDITORS[obj._meta.label_lower]


# --- Who may do what ----------------------------------------------------------------------------


def can_edit(user, obj) -> bool:
    """Whether `user` may change `obj` through the editorial pages (no query once roles are cached).

    UN staff edit everything; anyone else only what the type's `may_edit` rule lets them.
    """
    if user is None or not user.is_authenticated:
        return False
    if is_editor(user):
        return True
    editor = _EDITORS.get(obj._meta.label_lower)
    return bool(editor and editor.may_edit(user, obj))


def _may_edit_for_some(editor) -> bool:
    """Whether the type lets anyone but staff edit some item (core.content_editor)."""
    return getattr(editor, "others_may_edit", True)


def may_edit_each(request, targets: list) -> list[bool]:
    """Whether the reader may edit each (model label, id): the "may_edit" predicate of shared
    pages (core.shared_pages). Staff without a query; others with one per model on the page."""
    user = request.user
    if not user.is_authenticated:
        return [False] * len(targets)
    if is_editor(user):
        return [True] * len(targets)
    ids = {}
    for label, pk in targets:
        ids.setdefault(label, set()).add(pk)
    found = {}
    for label, pks in ids.items():
        editor = _EDITORS.get(label)
        if editor is None or not _may_edit_for_some(editor):
            continue  # only staff edit this type: nothing to load
        if tuple(editor.may_edit_fields) == ("id",):
            # The rule reads the id alone, which the page gave: nothing to load. As a row loaded
            # with its id only (any other field would be read from the database), not a new
            # instance: building a translated model fills every language's defaults (200 µs).
            database = editor.model._default_manager.db
            rows = [editor.model.from_db(database, ["id"], [pk]) for pk in pks]
        else:
            rows = editor.model._default_manager.filter(pk__in=pks).order_by()
            if editor.may_edit_fields:
                rows = rows.only(*editor.may_edit_fields)
        for obj in rows:
            found[label, obj.pk] = obj
    return [(label, pk) in found and can_edit(user, found[label, pk]) for label, pk in targets]


def can_propose(user) -> bool:
    return user.is_authenticated and user.has_role(CITY_OFFICIAL) and user.city_id is not None


def refuse_unless(request, allowed: bool):
    """Anonymous visitors are sent to sign in; signed-in people without the right get 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    if not allowed:
        raise PermissionDenied
    return None


def editor_only(view):
    def wrapped(request, *args, **kwargs):
        refusal = refuse_unless(request, is_editor(request.user))
        return refusal or view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


# --- Slugs --------------------------------------------------------------------------------------


def unique_slug(model, text: str, *, exclude_pk=None) -> str:
    """A slug from `text` that no other row of `model` uses: "title", "title-2", "title-3"..."""
    max_length = model._meta.get_field("slug").max_length
    base = slug_from_text(text)[: max_length - 4].strip("-") or "item"
    if base in RESERVED_SLUGS:
        base = f"{base}-item"
    taken = set(
        model.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$")
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


# --- Pages --------------------------------------------------------------------------------------


def publication_action(request, *, obj, action, done_message, next_url):
    """Run a publish/unpublish service and say how it went on the next page."""
    try:
        action(obj=obj, actor=request.user)
    except PublicationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done_message)
    return redirect(next_url)


def with_legend(formset, legend):
    formset.legend = legend
    return formset


def formset_rows(formset) -> list[dict]:
    """A valid formset's rows as plain dicts for a service: kept and filled-in rows, not deleted.

    The row's id and its parent are left out: the service replaces the whole list.
    """
    skipped = {"id", "DELETE", getattr(getattr(formset, "fk", None), "name", None)}
    deleted = set(map(id, formset.deleted_forms)) if formset.can_delete else set()
    return [
        {name: value for name, value in form.cleaned_data.items() if name not in skipped}
        for form in formset.forms
        if id(form) not in deleted and (form.instance.pk is not None or form.has_changed())
    ]


def _error_label(key: str) -> str:
    # "cities.1.role" -> "Cities, row 2, role"; a service names list rows as its callers do.
    parts = key.split(".")
    if len(parts) == 3 and parts[1].isdigit():
        return _("%(list)s, row %(number)d, %(field)s") % {
            "list": parts[0].capitalize(),
            "number": int(parts[1]) + 1,
            "field": parts[2].replace("_", " "),
        }
    return key.replace("_", " ").capitalize()


def _labelled(key: str, error: ValidationError):
    """`error` after the name of the list row it is about, worded when the page is drawn."""
    return lazy(lambda: f"{_error_label(key)}: {' '.join(error.messages)}", str)()


def service_errors_add(form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on the field it names, else above the form.

    The errors stay ValidationErrors, worded when the page is drawn: the editor runs the service
    in the item's original language, and a refusal reads in the page's ("Each topic can appear
    only once in a list." in Arabic on the Arabic form of an English city), as long as the
    service wrote it lazily (gettext_lazy) or it comes from model validation.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        if key in form.fields:
            form.add_error(key, ValidationError(errors))
        elif key == NON_FIELD_ERRORS:
            form.add_error(None, ValidationError(errors))
        else:
            form.add_error(None, ValidationError([_labelled(key, item) for item in errors]))


def form_page(
    request,
    *,
    form,
    formsets=(),
    template="editor/form.html",
    heading,
    save,
    success_url,
    context=None,
):
    """Show a form (with inline formsets), save it through `save()` when everything is valid.

    `save()` calls the type's service with the cleaned data; what the service refuses (a rule
    only it knows) comes back as errors on the form, and its transaction leaves nothing behind.
    """
    if request.method == "POST" and form.is_valid() and all(fs.is_valid() for fs in formsets):
        try:
            obj = save()
        except ValidationError as refusal:
            service_errors_add(form, refusal)
        else:
            messages.success(request, _("Saved."))
            return redirect(success_url(obj))
    return render(
        request,
        template,
        {
            "form": form,
            "formsets": formsets,
            "heading": heading,
            # The suggestions endpoint is for editors; others just type their tags.
            "suggest_tags": is_editor(request.user),
            "all_forms": [form, *formsets],
            "breadcrumbs": [(_("Editor"), reverse("editor-desk")), (heading, "")],
            **(context or {}),
        },
        status=400 if request.method == "POST" else 200,
    )


def preview_page(request, *, objs, obj, unsaved: bool = False):
    """The public page of a draft, exactly as it would render once published, with a banner.

    Everything in `objs` is published inside a transaction that is always rolled back, so the
    page's own selectors run unchanged and nothing is ever visible to anyone else. The page is
    whichever view serves the object's public address, so no app needs to import it.
    """
    public_path = editor_for(obj).public_object(obj).get_absolute_url()
    public_view = resolve(public_path)
    with transaction.atomic():
        now = timezone.now()
        for item in objs:
            fields = {"status": PublicationStatus.PUBLISHED}
            if item.published_at is None or item.published_at > now:
                fields["published_at"] = now
            editor = _EDITORS.get(item._meta.label_lower)
            fields.update(editor.preview_overrides if editor else {})
            type(item).objects.filter(pk=item.pk).update(**fields)
        response = public_view.func(request, *public_view.args, **public_view.kwargs)
        transaction.set_rollback(True)
    banner = render_to_string(
        "editor/_preview_banner.html", {"obj": obj, "unsaved": unsaved}, request=request
    )
    content = response.content.decode()
    marker = '<main id="main" class="container" tabindex="-1">'
    # The banner goes first inside <main>, where the skip link lands.
    content = content.replace(marker, marker + banner, 1) if marker in content else banner + content
    response.content = content.encode()
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


# The reasons the services record with a change (core.services.history_stamp, stored as these
# English words), as the history page says them in its reader's language.
HISTORY_REASONS = {
    "created": gettext_lazy("created"),
    "changed": gettext_lazy("changed"),
    "profile changed": gettext_lazy("profile changed"),
    "page changed": gettext_lazy("page changed"),
    "proposed": gettext_lazy("proposed"),
    "returned": gettext_lazy("returned to its proposer"),
    "published": gettext_lazy("published"),
    "unpublished": gettext_lazy("unpublished"),
    "deleted": gettext_lazy("deleted"),
    "added with its list": gettext_lazy("added with its list"),
    "removed with its list": gettext_lazy("removed with its list"),
}


def _field_label(model, name: str) -> str:
    """A changed field as a reader names it: "Summary (Arabic)" for `summary_ar`."""
    for field in translated_fields(model):
        for code, language in settings.LANGUAGES:
            if name == column(field, code):
                return f"{capfirst(model._meta.get_field(field).verbose_name)} ({language})"
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def history_page(request, *, obj, back_url):
    """Who changed what and when, newest first, with each version's differences."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-pk"))
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = record.diff_against(previous).changes if previous is not None else []
        reason = record.history_change_reason or ""
        entries.append(
            {
                "record": record,
                "reason": HISTORY_REASONS.get(reason, reason),
                "changes": [
                    {"label": _field_label(type(obj), change.field), "change": change}
                    for change in changes
                ],
            }
        )
    return render(
        request,
        "editor/history.html",
        {
            "obj": obj,
            "entries": entries,
            "back_url": back_url,
            "breadcrumbs": [(str(obj), back_url), (_("History"), "")],
        },
    )


def editor_urls(obj) -> dict[str, str]:
    """The editorial addresses of an object, by action; publication ones only where they apply."""
    return editor_for(obj).addresses(obj)


def editing_home(user) -> tuple[str, str]:
    """The first step of an editing page's breadcrumb: the editor's desk for UN staff, My portal
    for a city official, who edits their city from there and whom the desk refuses."""
    if is_editor(user):
        return (_("Editor"), reverse("editor-desk"))
    return (_("My portal"), reverse("portal:me"))
