"""Writes of a city's profile: the one path for its page, the API and the admin."""

from collections.abc import Mapping

from django.db import transaction

from core.services import model_save

from .models import City


@transaction.atomic
def city_update(*, city: City, actor, data: Mapping) -> City:
    """A city official or UN staff change what the city says about itself.

    `data` holds field values by name; `hazards`, when given, is the whole list of hazard names.
    Which fields a caller may change (officials: the profile, not the name or place) is the
    caller's form or serializer to decide. The history records who did it.
    """
    return model_save(city, data=data, actor=actor, reason="profile changed")
