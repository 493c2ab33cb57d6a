from django.db import transaction

from core.api import save_validated

from .models import City


@transaction.atomic
def city_update(*, city: City, **data) -> City:
    """Change what a city says about itself; hazards replace the old list when given."""
    hazards = data.pop("hazards", None)
    save_validated(city, fields=data)
    if hazards is not None:
        city.hazards.set(hazards)
    return city


@transaction.atomic
def city_profile_save(*, form, actor) -> City:
    """A city official or an editor updates the profile; the history records who did it."""
    return form.save()
