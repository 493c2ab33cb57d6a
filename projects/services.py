"""Writes of programmes, pilots and their updates: the one path for pages, API and admin.

`data` is plain: field values by name, lists of clusters, tag names, and optionally `status`,
which publishes or withdraws through `project_publish`/`project_unpublish` once everything else
is saved. Cities, partners and milestones are lists of dicts that replace the old lists whole; a
milestone's other languages are written one milestone at a time (`milestone_update`).
"""

from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils.translation import gettext as _

import notifications.services
from core.publication import (
    PublicationRefused,
    publication_data_split,
    publication_publish,
    publication_status_apply,
    publication_unpublish,
)
from core.services import model_save, rows_replace

from .models import Milestone, Project, ProjectUpdate


def _announce(obj) -> None:
    notifications.services.notify_content_published(obj=obj)


def _person(actor):
    # A task or script acts as nobody; only a signed-in person becomes an author.
    return actor if getattr(actor, "is_authenticated", False) else None


def _project_rows_replace(project, *, actor, cities, partners, milestones) -> None:
    if cities is not None:
        rows_replace(
            parent=project,
            related_name="city_links",
            rows=cities,
            label="cities",
            actor=actor,
            unique=("city",),
            duplicate_message=_("Each city can appear only once."),
        )
    if partners is not None:
        rows_replace(
            parent=project,
            related_name="partner_links",
            rows=partners,
            label="partners",
            actor=actor,
            unique=("organization", "role"),
            duplicate_message=_("Each partner can have a role only once."),
        )
    if milestones is not None:
        rows_replace(
            parent=project,
            related_name="milestones",
            rows=milestones,
            label="milestones",
            actor=actor,
        )


Rows = Sequence[Mapping] | None


@transaction.atomic
def project_create(
    *,
    actor,
    data: Mapping,
    cities: Rows = None,
    partners: Rows = None,
    milestones: Rows = None,
) -> Project:
    """A new programme or pilot, with its cities ({"city", "role"}), partners ({"organization",
    "role"}) and milestones ({"title", "due_on", ...})."""
    fields, status = publication_data_split(data)
    project = model_save(Project(), data=fields, actor=actor, reason="created")
    _project_rows_replace(
        project, actor=actor, cities=cities, partners=partners, milestones=milestones
    )
    return publication_status_apply(
        obj=project,
        status=status,
        actor=actor,
        publish=project_publish,
        unpublish=project_unpublish,
    )


@transaction.atomic
def project_update(
    *,
    project: Project,
    actor,
    data: Mapping,
    cities: Rows = None,
    partners: Rows = None,
    milestones: Rows = None,
) -> Project:
    """Change a project; a list of rows given (even empty) replaces the old one, None keeps it."""
    fields, status = publication_data_split(data)
    if fields:
        model_save(project, data=fields, actor=actor, reason="changed")
    _project_rows_replace(
        project, actor=actor, cities=cities, partners=partners, milestones=milestones
    )
    return publication_status_apply(
        obj=project,
        status=status,
        actor=actor,
        publish=project_publish,
        unpublish=project_unpublish,
    )


def project_publish(*, obj: Project, actor) -> Project:
    return publication_publish(obj=obj, actor=actor, on_first_publication=_announce)


def project_unpublish(*, obj: Project, actor) -> Project:
    return publication_unpublish(obj=obj, actor=actor)


@transaction.atomic
def milestone_update(*, milestone: Milestone, actor, data: Mapping) -> Milestone:
    """Change one milestone (its translation page writes its other languages this way); it is
    public when its project is, so there is nothing to publish."""
    if data:
        model_save(milestone, data=data, actor=actor, reason="changed")
    return milestone


@transaction.atomic
def project_update_create(*, actor, data: Mapping) -> ProjectUpdate:
    """A news item about a project (`data["project"]`); whoever writes it is its author unless
    `data` names one."""
    fields, status = publication_data_split(data)
    update = ProjectUpdate(author=fields.pop("author", None) or _person(actor))
    model_save(update, data=fields, actor=actor, reason="created")
    return publication_status_apply(
        obj=update,
        status=status,
        actor=actor,
        publish=project_update_publish,
        unpublish=project_update_unpublish,
    )


@transaction.atomic
def project_update_update(*, project_update: ProjectUpdate, actor, data: Mapping) -> ProjectUpdate:
    fields, status = publication_data_split(data)
    if project_update.author_id is None and not fields.get("author") and _person(actor):
        fields["author"] = actor
    if fields:
        model_save(project_update, data=fields, actor=actor, reason="changed")
    return publication_status_apply(
        obj=project_update,
        status=status,
        actor=actor,
        publish=project_update_publish,
        unpublish=project_update_unpublish,
    )


def project_update_publish(*, obj: ProjectUpdate, actor) -> ProjectUpdate:
    # Followers would be sent to a page nobody can open. The database decides, not a copy of the
    # project someone holds in memory.
    if not Project.objects.published().filter(pk=obj.project_id).exists():
        raise PublicationRefused(_("Publish the project before its updates."))
    return publication_publish(obj=obj, actor=actor, on_first_publication=_announce)


def project_update_unpublish(*, obj: ProjectUpdate, actor) -> ProjectUpdate:
    return publication_unpublish(obj=obj, actor=actor)
