"""Writes of programmes, pilots and their updates: the one path for pages, API and admin.

`data` is plain: field values by name, lists of clusters, tag names, and optionally `status`,
which publishes or withdraws through `project_publish`/`project_unpublish` once everything else
is saved. Cities, partners and milestones are lists of dicts that replace the old lists whole; a
milestone's other languages are written one milestone at a time (`milestone_update`).
"""

from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import notifications.services
from core.content_services import RowList, authored_content_save, content_save
from core.publication import PublicationRefused, publication_publish, publication_unpublish
from core.services import model_save

from .models import Milestone, Project, ProjectUpdate


def _announce(obj) -> None:
    notifications.services.notify_content_published(obj=obj)


Rows = Sequence[Mapping] | None


def _project_row_lists(*, cities: Rows, partners: Rows, milestones: Rows) -> list[RowList]:
    return [
        RowList(
            "city_links",
            "cities",
            cities,
            unique=("city",),
            duplicate_message=gettext_lazy("Each city can appear only once."),
        ),
        RowList(
            "partner_links",
            "partners",
            partners,
            unique=("organization", "role"),
            duplicate_message=gettext_lazy("Each partner can have a role only once."),
        ),
        RowList("milestones", "milestones", milestones),
    ]


def project_create(*, actor, data: Mapping, **row_lists: Rows) -> Project:
    """A new programme or pilot, with its cities ({"city", "role"}), partners ({"organization",
    "role"}) and milestones ({"title", "due_on", ...}): `row_lists` are `project_update`'s."""
    return project_update(project=Project(), actor=actor, data=data, **row_lists)


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
    return content_save(
        obj=project,
        actor=actor,
        data=data,
        publish=project_publish,
        unpublish=project_unpublish,
        row_lists=_project_row_lists(cities=cities, partners=partners, milestones=milestones),
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


def project_update_create(*, actor, data: Mapping) -> ProjectUpdate:
    """A news item about a project (`data["project"]`); whoever writes it is its author unless
    `data` names one."""
    return project_update_update(project_update=ProjectUpdate(), actor=actor, data=data)


def project_update_update(*, project_update: ProjectUpdate, actor, data: Mapping) -> ProjectUpdate:
    return authored_content_save(
        project_update,
        actor=actor,
        data=data,
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
