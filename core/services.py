"""What every content service shares: validated saves that record who did it, and child rows.

The content services (`project_create`, `event_update`...) are the one way content is written,
whether the editorial pages, the API, the admin or a task asks. They take plain data (field
values by name, lists of model instances, rows as dicts), never forms or serializers, and build
on these helpers so validation, history and relations behave the same for every type.
"""

from collections import Counter
from collections.abc import Iterable, Mapping

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from core.content_language import column, language_codes, translated_fields


def history_stamp(instance, *, actor, reason: str) -> None:
    """The next history record of `instance` says who (if anyone signed in) and why."""
    instance._change_reason = reason
    if actor is not None and getattr(actor, "is_authenticated", False):
        instance._history_user = actor


def _lf(value):
    """A text's line breaks as LF, the portal's: a client may send CRLF (a browser's form does,
    and the forms read it as LF already, core.forms), and a text saved again unchanged would
    then count as changed."""
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def model_save(instance, *, data: Mapping, actor, reason: str):
    """Set `data` on `instance`, validate it as the model does (constraints too), save, relate.

    `data` maps field names to plain values: model instances for foreign keys, lists (or
    querysets) of instances for many-to-many fields, names for tags. A file field given None keeps
    its file and False clears it, as with Django's forms. Callers run this in a transaction, so a
    refused relation leaves no half-written row.
    """
    opts = instance._meta
    relations = {}
    fields = []
    creating = instance._state.adding
    for name, value in data.items():
        field = opts.get_field(name)
        if field.many_to_many:
            relations[name] = list(value)
        elif field.concrete and not field.primary_key:
            # save_form_data knows what None and False mean for a file field; elsewhere it sets.
            field.save_form_data(instance, _lf(value))
            fields.append(field)
        else:
            raise ValueError(f"{opts.label}.{name} is not a field a service can set.")
    changed = creating
    if not creating:
        # Compared with the stored row, not with `instance`: a model form has already put its
        # values on the instance it edits when the service runs.
        stored = type(instance)._base_manager.using(instance._state.db).get(pk=instance.pk)
        changed = any(
            field.value_from_object(instance) != field.value_from_object(stored) for field in fields
        )
        relations = {
            name: values
            for name, values in relations.items()
            if not _relation_holds(instance, name, values)
        }
    instance.full_clean()
    if not changed and not relations:
        # A form saved unchanged changes nothing: no new "updated" time, no history entry.
        return instance
    history_stamp(instance, actor=actor, reason=reason)
    instance.save()
    for name, values in relations.items():
        getattr(instance, name).set(values)
    return instance


def _relation_holds(instance, name: str, values: list) -> bool:
    """Whether `instance`'s many-to-many `name` holds exactly `values` already (instances, or
    names for tags)."""
    manager = getattr(instance, name)
    if hasattr(manager, "names"):  # django-taggit
        return set(manager.names()) == {getattr(value, "name", value) for value in values}
    return {related.pk for related in manager.all()} == {
        getattr(value, "pk", value) for value in values
    }


def _row_fields(model, fk_name: str) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name != fk_name
    ]


def rows_replace(
    *,
    parent,
    related_name: str,
    rows: Iterable[Mapping],
    label: str,
    actor,
    unique: tuple[str, ...] = (),
    duplicate_message: str = "",
) -> None:
    """Make `parent`'s `related_name` rows exactly `rows` (dicts of field values), validated.

    Errors are keyed `<label>.<row number from 0>.<field>`, `<label>` being the name callers
    know the list by ("cities"). `unique` names the fields two rows may not share. Rows equal to
    the current ones are left alone, so saving a page without touching its lists keeps the rows
    (and their history) as they were.
    """
    manager = getattr(parent, related_name)
    model = manager.model
    fk_name = manager.field.name
    wanted = [
        model(**{fk_name: parent, **{name: _lf(value) for name, value in row.items()}})
        for row in rows
    ]
    # The errors are kept as ValidationErrors, not turned into text here: a page's form runs
    # the service in the item's original language, and shows the errors in its own.
    errors: dict[str, list[ValidationError]] = {}
    for index, row in enumerate(wanted):
        try:
            row.full_clean(exclude=[fk_name], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field, field_errors in error.error_dict.items():
                key = label if field == NON_FIELD_ERRORS else f"{label}.{index}.{field}"
                errors.setdefault(key, []).extend(field_errors)
    if unique:
        keys = [tuple(row.serializable_value(name) for name in unique) for row in wanted]
        if len(keys) != len(set(keys)):
            errors.setdefault(label, []).append(ValidationError(duplicate_message))
    if errors:
        raise ValidationError(errors)

    # The rows' other languages (and the language they were written in) are written on their
    # translation pages, not in the list: rows that differ only there are the same rows, and a
    # row kept as it was keeps its translations when the list is written again.
    given = {name for row in rows for name in row}
    carried = [
        name
        for name in (
            [column(field, code) for field in translated_fields(model) for code in language_codes()]
            + (["original_language"] if translated_fields(model) else [])
        )
        if name not in given
    ]
    fields = [name for name in _row_fields(model, fk_name) if name not in carried]
    current = list(manager.all())

    def values(row):
        # A language column never written reads None, one written empty reads "": the same.
        return tuple(
            "" if (value := row.serializable_value(name)) is None else value for name in fields
        )

    if Counter(map(values, current)) == Counter(map(values, wanted)):
        return
    previous = {}
    for row in current:
        previous.setdefault(values(row), []).append(row)
    for row in wanted:
        same = previous.get(values(row))
        if same:
            kept = same.pop(0)
            for name in carried:
                setattr(row, name, getattr(kept, name))
    # One by one, so models with history record who removed and who added each row.
    for row in current:
        history_stamp(row, actor=actor, reason="removed with its list")
        row.delete()
    for row in wanted:
        history_stamp(row, actor=actor, reason="added with its list")
        row.save()
