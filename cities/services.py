"""Writes of a city's profile: the one path for its page, the API and the admin."""

from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils.translation import gettext_lazy

from core.services import model_save, rows_replace

from .hazards import hazards_to_save
from .models import City

Rows = Sequence[Mapping] | None


@transaction.atomic
def city_update(
    *, city: City, actor, data: Mapping, needs: Rows = None, offers: Rows = None
) -> City:
    """A city official or UN staff change what the city says about itself.

    `data` holds field values by name; `hazards`, when given, is the whole list of hazard names.
    Which fields a caller may change (officials: the profile, not the name or place) is the
    caller's form or serializer to decide. The history records who did it.

    `needs` and `offers`, when given (even empty), replace the city's lists whole: rows of
    {"topic", "note", "contact_role"}, each topic once per list. None keeps a list as it is.
    """
    if "hazards" in data:
        # By key whatever language they come in ("فيضان" -> "flood"), from the form, the API and
        # the admin alike; names the city already has are kept as stored (cities.hazards).
        data = {**data, "hazards": hazards_to_save(data["hazards"], saved=city.hazards.names())}
    model_save(city, data=data, actor=actor, reason="profile changed")
    for related_name, rows in (("needs", needs), ("offers", offers)):
        if rows is not None:
            rows_replace(
                parent=city,
                related_name=related_name,
                rows=rows,
                label=related_name,
                actor=actor,
                unique=("topic",),
                duplicate_message=gettext_lazy("Each topic can appear only once in a list."),
            )
    return city
