"""Personal data each app keeps: what a person downloads, and what closing an account erases.

Each app registers its sections from its `AppConfig.ready()`; the accounts app runs them all, so
it needs to import none of the apps that keep data about people.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

# Never exported: a password hash or an authenticator secret is not "data about" the person,
# and a download that leaks one would turn a stolen session into a stolen account.
SECRET_FIELDS = {"password", "data"}


def export_row(obj: models.Model, *, exclude=()) -> dict:
    """Every concrete field of a row; a foreign key as its id and its readable name."""
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name in SECRET_FIELDS or field.name in exclude:
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            row[field.name] = None if related is None else {"id": related.pk, "name": str(related)}
        elif isinstance(field, models.FileField):
            file = getattr(obj, field.name)
            row[field.name] = file.name or None
        else:
            row[field.name] = getattr(obj, field.attname)
    return row


def export_rows(queryset, **options) -> list[dict]:
    return [export_row(obj, **options) for obj in queryset]


@dataclass(frozen=True)
class PersonalDataSection:
    """One kind of data about a person.

    `export(user)` returns what goes under `key` in the download (JSON-ready). `erase(user)`
    removes or anonymises it when the account is closed; sections are erased in `erase_order`
    (lower first), so for instance a registration is cancelled, handing its seat to the waitlist,
    before the person's notifications and outbox are cleared.
    """

    key: str
    export: Callable
    erase: Callable | None = None
    erase_order: int = 100


_SECTIONS: dict[str, PersonalDataSection] = {}


def personal_data_register(*sections: PersonalDataSection) -> None:
    for section in sections:
        _SECTIONS[section.key] = section


def personal_data_export(*, user) -> dict:
    return {key: section.export(user) for key, section in _SECTIONS.items()}


def personal_data_erase(*, user) -> None:
    erasable = [section for section in _SECTIONS.values() if section.erase is not None]
    for section in sorted(erasable, key=lambda section: section.erase_order):
        section.erase(user)
