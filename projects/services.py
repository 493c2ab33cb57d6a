"""Writes behind the editorial pages for programmes, pilots and their updates."""

from django.db import transaction

import notifications.services
from core.publication import PublicationRefused, publication_publish, publication_unpublish

from .models import Project, ProjectUpdate


def _announce(obj) -> None:
    notifications.services.notify_content_published(obj=obj)


@transaction.atomic
def project_save(*, form, formsets, actor) -> Project:
    """Save a project with its cities, partners and milestones in one go."""
    project = form.save()
    for formset in formsets:
        formset.instance = project
        formset.save()
    return project


def project_publish(*, obj: Project, actor) -> Project:
    return publication_publish(obj=obj, actor=actor, on_first_publication=_announce)


def project_unpublish(*, obj: Project, actor) -> Project:
    return publication_unpublish(obj=obj, actor=actor)


@transaction.atomic
def project_update_save(*, form, project: Project, actor) -> ProjectUpdate:
    update = form.save(commit=False)
    update.project = project
    if update.author_id is None:
        update.author = actor
    update.save()
    return update


def project_update_publish(*, obj: ProjectUpdate, actor) -> ProjectUpdate:
    # Followers would be sent to a page nobody can open.
    if not obj.project.is_published:
        raise PublicationRefused("Publish the project before its updates.")
    return publication_publish(obj=obj, actor=actor, on_first_publication=_announce)


def project_update_unpublish(*, obj: ProjectUpdate, actor) -> ProjectUpdate:
    return publication_unpublish(obj=obj, actor=actor)
