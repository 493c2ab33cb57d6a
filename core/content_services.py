"""The steps every content type's create and update services share, in their order.

`project_create`, `event_update`, `resource_update`... differ in their model, their lists of rows
and their publish services, not in what they do: split the requested `status` off the data, save
the fields (a create always, an update only when a field is given), replace each list of rows
given, then publish or withdraw as asked once everything else is saved. `content_save` is that
sequence, so a rule added to it (or a fix) reaches every type at once.

It builds on `core.services` and `core.publication`, and lives apart from both because
`core.publication` itself builds on `core.services`.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db import transaction

from core.publication import publication_data_split, publication_status_apply
from core.services import model_save, rows_replace


@dataclass(frozen=True)
class RowList:
    """A list of child rows a create or update replaces whole (`rows_replace`).

    `rows` None keeps the current rows; a list (even empty) replaces them. `duplicate_message`
    is shown when two rows share the `unique` fields.
    """

    related_name: str
    label: str
    rows: Sequence[Mapping] | None
    unique: tuple[str, ...] = ()
    duplicate_message: str = ""


def _person(actor):
    """`actor` if a signed-in person; a task or script acts as nobody."""
    return actor if getattr(actor, "is_authenticated", False) else None


def author_default(obj, data: Mapping, *, actor) -> Mapping:
    """`data` with the acting person as author of an item nobody wrote yet, unless it names one.

    Only a signed-in person becomes an author; a new item saved by a task has none.
    """
    if obj.author_id is None and not data.get("author") and _person(actor):
        return {**data, "author": actor}
    return data


@transaction.atomic
def content_save(
    *,
    obj,
    actor,
    data: Mapping,
    publish: Callable,
    unpublish: Callable,
    row_lists: Iterable[RowList] = (),
):
    """Create `obj` (not saved yet) or update it from `data`, its row lists, then its status.

    `data` holds field values by name and optionally `status`, which goes through the type's
    own `publish`/`unpublish` services once the fields and rows are saved.
    """
    fields, status = publication_data_split(data)
    if obj._state.adding:
        model_save(obj, data=fields, actor=actor, reason="created")
    elif fields:
        model_save(obj, data=fields, actor=actor, reason="changed")
    for row_list in row_lists:
        if row_list.rows is not None:
            rows_replace(
                parent=obj,
                related_name=row_list.related_name,
                rows=row_list.rows,
                label=row_list.label,
                actor=actor,
                unique=row_list.unique,
                duplicate_message=row_list.duplicate_message,
            )
    return publication_status_apply(
        obj=obj, status=status, actor=actor, publish=publish, unpublish=unpublish
    )


def authored_content_save(obj, *, actor, data: Mapping, publish: Callable, unpublish: Callable):
    """`content_save` for a type whose items have an author (resources, pilot updates): the
    acting person becomes the author of an item nobody wrote yet, unless `data` names one."""
    return content_save(
        obj=obj,
        actor=actor,
        data=author_default(obj, data, actor=actor),
        publish=publish,
        unpublish=unpublish,
    )
