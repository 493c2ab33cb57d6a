from core.roles import CITY_OFFICIAL


def city_editable_by(user, city) -> bool:
    """A city official keeps their own city's profile current (UN staff edit every city)."""
    return user.city_id == city.pk and user.has_role(CITY_OFFICIAL)
