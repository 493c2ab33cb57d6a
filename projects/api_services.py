"""Writes behind the projects API (the HTML pages have their own services)."""

from django.db import transaction

from core.api import save_validated

from .models import Project, ProjectCity, ProjectPartner

_RELATIONS = ("clusters",)
_LINKS = ("city_links", "partner_links", "tags")


def _split(data: dict):
    fields = {k: v for k, v in data.items() if k not in (*_RELATIONS, *_LINKS)}
    relations = {k: v for k, v in data.items() if k in _RELATIONS}
    return fields, relations


def _replace_links(project: Project, *, city_links=None, partner_links=None) -> None:
    if city_links is not None:
        project.city_links.all().delete()
        ProjectCity.objects.bulk_create(
            ProjectCity(project=project, city=link["city"], role=link["role"])
            for link in city_links
        )
    if partner_links is not None:
        project.partner_links.all().delete()
        ProjectPartner.objects.bulk_create(
            ProjectPartner(project=project, organization=link["organization"], role=link["role"])
            for link in partner_links
        )


@transaction.atomic
def project_create(**data) -> Project:
    fields, relations = _split(data)
    project = save_validated(
        Project(), fields=fields, many_to_many=relations, tags=data.get("tags") or []
    )
    _replace_links(
        project,
        city_links=data.get("city_links") or [],
        partner_links=data.get("partner_links") or [],
    )
    return project


@transaction.atomic
def project_update(*, project: Project, **data) -> Project:
    """Change a project; cities and partners, when given, replace the old lists whole."""
    fields, relations = _split(data)
    save_validated(project, fields=fields, many_to_many=relations, tags=data.get("tags"))
    _replace_links(
        project, city_links=data.get("city_links"), partner_links=data.get("partner_links")
    )
    return project
