from django.db import transaction

from config.api_support import save_validated

from .models import Resource

RESOURCE_RELATIONS = ("clusters", "cities", "organizations", "projects")


def _split(data: dict):
    fields = {k: v for k, v in data.items() if k not in (*RESOURCE_RELATIONS, "tags")}
    relations = {k: v for k, v in data.items() if k in RESOURCE_RELATIONS}
    return fields, relations, data.get("tags")


@transaction.atomic
def resource_create(*, author, **data) -> Resource:
    fields, relations, tags = _split(data)
    return save_validated(
        Resource(author=author), fields=fields, many_to_many=relations, tags=tags or []
    )


@transaction.atomic
def resource_update(*, resource: Resource, **data) -> Resource:
    fields, relations, tags = _split(data)
    return save_validated(resource, fields=fields, many_to_many=relations, tags=tags)
