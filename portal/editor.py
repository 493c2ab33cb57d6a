"""What the editorial pages share: who may edit what, slugs, publication, preview and history.

Entity services (`project_publish`, `event_publish`...) are thin wrappers over
`publication_publish` so every kind of content publishes, dates and notifies the same way.
"""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.roles import CITY_OFFICIAL, is_editor
from portal.models import PublicationStatus

# Words the public URLs use next to `<slug>/`; a slug equal to one would be shadowed.
RESERVED_SLUGS = {"new", "propose", "past", "series", "certificates", "edit", "feed"}

# Followers hear about these on their first publication (see notify_content_published).
ANNOUNCED_MODELS = {
    "projects.project",
    "projects.projectupdate",
    "events.event",
    "clusters.resource",
}


# --- Who may do what ----------------------------------------------------------------------------


def can_edit(user, obj) -> bool:
    """Whether `user` may change `obj` through the editorial pages (no query once roles are cached)."""
    if user is None or not user.is_authenticated:
        return False
    if is_editor(user):
        return True
    label = obj._meta.label_lower
    if label == "cities.city":
        return user.city_id == obj.pk and user.has_role(CITY_OFFICIAL)
    if label == "clusters.resource":
        from clusters.models import ReviewState

        # A city official keeps their own proposal until an editor publishes it.
        return (
            obj.proposed_by_id == user.pk
            and obj.review_state != ReviewState.NONE
            and obj.status == PublicationStatus.DRAFT
            and user.has_role(CITY_OFFICIAL)
        )
    return False


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
    base = slugify(text)[: max_length - 4].strip("-") or "item"
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


# --- Publication --------------------------------------------------------------------------------


class PublicationRefused(Exception):
    pass


def publication_publish(*, obj, actor, extra_fields: dict | None = None):
    """Make `obj` public now, or again at its first date; followers are told on the first time only.

    The row is locked so two editors pressing "Publish" at once cannot both announce it.
    """
    from notifications.services import notify_content_published

    model = type(obj)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=obj.pk)
        if locked.status == PublicationStatus.PUBLISHED and not extra_fields:
            return locked
        first_publication = locked.published_at is None
        locked.status = PublicationStatus.PUBLISHED
        locked.published_at = locked.published_at or timezone.now()
        for name, value in (extra_fields or {}).items():
            setattr(locked, name, value)
        locked._change_reason = "published"
        try:
            locked.full_clean()
        except ValidationError as error:
            raise PublicationRefused(" ".join(error.messages)) from None
        locked.save()
        if first_publication and locked._meta.label_lower in ANNOUNCED_MODELS:
            notify_content_published(obj=locked)
    return locked


def publication_unpublish(*, obj, actor):
    """Back to draft; the publication date stays so a later re-publication tells nobody twice."""
    model = type(obj)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=obj.pk)
        if locked.status == PublicationStatus.DRAFT:
            return locked
        locked.status = PublicationStatus.DRAFT
        locked._change_reason = "unpublished"
        locked.save()
    return locked


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
    """Show a form (with inline formsets), save it through `save()` when everything is valid."""
    if request.method == "POST" and form.is_valid() and all(fs.is_valid() for fs in formsets):
        obj = save()
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
            "formsets_have_errors": any(
                formset.is_bound and not formset.is_valid() for formset in formsets
            ),
            "breadcrumbs": [(_("Editor"), "/editor/"), (heading, "")],
            **(context or {}),
        },
        status=400 if request.method == "POST" else 200,
    )


def preview_page(request, *, objs, public_view, view_kwargs, obj):
    """The public page of a draft, exactly as it would render once published, with a banner.

    Everything in `objs` is published inside a transaction that is always rolled back, so the
    page's own selectors run unchanged and nothing is ever visible to anyone else.
    """
    with transaction.atomic():
        now = timezone.now()
        for item in objs:
            fields = {"status": PublicationStatus.PUBLISHED}
            if item.published_at is None or item.published_at > now:
                fields["published_at"] = now
            if item._meta.label_lower == "clusters.resource":
                fields["review_state"] = "none"
            type(item).objects.filter(pk=item.pk).update(**fields)
        response = public_view(request, **view_kwargs)
        transaction.set_rollback(True)
    banner = render_to_string("editor/_preview_banner.html", {"obj": obj}, request=request)
    content = response.content.decode()
    marker = '<main id="main" class="container" tabindex="-1">'
    # The banner goes first inside <main>, where the skip link lands.
    content = content.replace(marker, marker + banner, 1) if marker in content else banner + content
    response.content = content.encode()
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


def history_page(request, *, obj, back_url):
    """Who changed what and when, newest first, with each version's differences."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-pk"))
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = record.diff_against(previous).changes if previous is not None else []
        entries.append({"record": record, "changes": changes})
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
    from django.urls import reverse

    label = obj._meta.label_lower
    if label == "projects.projectupdate":
        kwargs = {"slug": obj.project.slug, "pk": obj.pk}
        names = {
            action: f"projects:update-{action}"
            for action in ("edit", "preview", "publish", "unpublish", "history")
        }
    else:
        kwargs = {"slug": obj.slug}
        prefix = {
            "projects.project": "projects:",
            "events.event": "events:",
            "events.trainingseries": "events:series-",
            "clusters.resource": "resources:",
            "cities.city": "cities:",
            "clusters.cluster": "clusters:",
        }[label]
        actions = ("edit", "history")
        if hasattr(obj, "status"):
            actions += ("preview", "publish", "unpublish")
        names = {action: f"{prefix}{action}" for action in actions}
    urls = {action: reverse(name, kwargs=kwargs) for action, name in names.items()}
    # An update has no page of its own: it is read on its project's page.
    public = obj.project if label == "projects.projectupdate" else obj
    urls["view"] = public.get_absolute_url()
    return urls
