"""Country names whose Arabic in django-countries' catalogue lacks the hamza of its first
letter ("اثيوبيا" for إثيوبيا, "اندونيسيا" for إندونيسيا, "الاكوادور" for الإكوادور) or is
spelled otherwise than the portal's own texts spell it ("تانزانيا" beside تنزانيا, "الفيلبين"
beside الفلبين, "بنجلاديش" beside بنغلاديش): member countries, named on every city card, in
the map's popups and in the search's facets. The calls below only put these names
in this project's catalogues (`make messages` reads them), which come before the package's own;
the other languages carry the package's names unchanged. Nothing calls them.
"""

from django.utils.translation import gettext


def _extracted_only() -> list[str]:
    return [
        gettext("Estonia"),
        gettext("Ethiopia"),
        gettext("Indonesia"),
        gettext("Ecuador"),
        gettext("Tanzania"),
        gettext("Philippines"),
        gettext("Bangladesh"),
    ]
