"""The kinds of link a row can have to another, as ForeignKey factories.

Each names what the link means (optional, the person a row is about, one of a row's targets), so
the models say it once; the columns and options are those of a plain ForeignKey.
"""

from django.conf import settings
from django.db import models


def optional_relation(
    to, *, related_name: str, verbose_name=None, on_delete=models.SET_NULL, **options
) -> models.ForeignKey:
    """A link a row may go without (empty in the database and in forms).

    By default the row outlives what it points at and the link is emptied (SET_NULL: an author,
    a reviewer, a city); PROTECT where the target must not go while rows point at it.
    """
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        **options,
    )


def person_relation(*, related_name: str, verbose_name=None) -> models.ForeignKey:
    """The person a row is about (a registration, a subscription, an application): it is part of
    their personal data and goes when their account is closed."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.CASCADE,
        related_name=related_name,
    )


def target_relation(to, *, related_name: str, verbose_name=None) -> models.ForeignKey:
    """One of the targets of a row about exactly one thing (core.models.exactly_one_constraint): empty unless
    it is the one, and the row goes with its target."""
    return optional_relation(
        to, related_name=related_name, verbose_name=verbose_name, on_delete=models.CASCADE
    )
