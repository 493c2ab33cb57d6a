"""Time zones named as a reader knows them: "Nairobi, UTC+3", "نيروبي، UTC+3", "内罗毕 UTC+3".

Pages said "Africa/Nairobi" in every language: a database key, in English, which tells a reader
neither the city's name in their language nor how far the zone is from UTC. The city comes from
the Unicode CLDR (Babel's data), the offset from the zone itself at the moment shown, so that a
summer date says its summer offset. Forms, the API and calendars keep the IANA name.
"""

import datetime as dt
import math
import re
import zoneinfo
from functools import lru_cache
from importlib import resources

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone_location
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import pgettext

from core.content_language import reading_key

# Marks that keep "UTC+3" in its own left-to-right run inside Arabic text (LRI ... PDI), so the
# sign stays before the digit and the comma does not jump across.
_LEFT_TO_RIGHT = "\u2066{}\u2069"


@lru_cache(maxsize=1)
def _known_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def valid_time_zone(name: str | None) -> str | None:
    """`name` if it is a time zone's key ("Asia/Beirut"), else None. Not ZoneInfo(name) in a
    try: the key "Brazil" is a folder of the database, which it answers with an OSError."""
    if name and name in _known_time_zones():
        return name
    return None


@lru_cache(maxsize=4096)
def zone_city(zone: str, language: str) -> str:
    """The zone's main city in `language` ("Beyrouth" for Asia/Beirut in French), or "" for a
    zone that names no city (UTC, Etc/GMT+3)."""
    if zone in {"UTC", "GMT", "Universal", "Zulu"} or zone.startswith("Etc/"):
        return ""
    try:
        return get_timezone_location(zone, locale=translation.to_locale(language), return_city=True)
    except (LookupError, ValueError, UnknownLocaleError):
        return zone.rsplit("/", 1)[-1].replace("_", " ")


def utc_offset(zone: zoneinfo.ZoneInfo, when: dt.datetime | None = None) -> str:
    """The zone's distance from UTC at `when` (now): "UTC+3", "UTC+5:30", "UTC" and, with a
    minus sign, "UTC-3"."""
    try:
        offset = (when or timezone.now()).astimezone(zone).utcoffset() or dt.timedelta()
    except OverflowError:  # a date at the very edge of what Python holds: today's offset
        offset = timezone.now().astimezone(zone).utcoffset() or dt.timedelta()
    minutes = round(offset.total_seconds() / 60)
    if not minutes:
        return "UTC"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes > 0 else '−'}{hours}{f':{rest:02d}' if rest else ''}"


def zone_name(zone, when: dt.datetime | None = None, *, city: str = "") -> str:
    """How a page names `zone` (an IANA name or a tzinfo) in the active language; a name no
    time zone database knows is shown as it is. `city` names the place instead of the zone's
    main city: an event in Curitiba says "Curitiba, UTC-3", not "São Paulo, UTC-3"."""
    key = str(zone)
    if not isinstance(zone, zoneinfo.ZoneInfo) and not valid_time_zone(key):
        return key
    info = zone if isinstance(zone, zoneinfo.ZoneInfo) else zoneinfo.ZoneInfo(key)
    offset = _LEFT_TO_RIGHT.format(utc_offset(info, when))
    city = city or zone_city(key, translation.get_language() or settings.LANGUAGE_CODE)
    if not city:
        return offset
    return pgettext(
        "a time zone named by its main city, then its offset from UTC", "%(city)s, %(offset)s"
    ) % {
        "city": city,
        "offset": offset,
    }


def zone_label(zone: str) -> str:
    """A zone as a list or a text box offers it: its name, then its key ("Beyrouth, UTC+2
    (Asia/Beirut)"), which `zone_by_city` reads back exactly, so a form saved unchanged keeps its
    zone. A zone that names no city (UTC), or a key no database knows, is the key alone."""
    if zone.startswith("Etc/GMT") and valid_time_zone(zone):
        return zone_name(zone)  # "UTC+3" for Etc/GMT-3, whose sign reads the other way round
    if not valid_time_zone(zone) or not zone_city(
        zone, translation.get_language() or settings.LANGUAGE_CODE
    ):
        return zone
    return f"{zone_name(zone)} ({zone})"


def zone_by_city(text: str) -> str | None:
    """The IANA name of the zone whose city is `text` in any of the portal's languages, the
    page's first ("Beyrouth", "بيروت" or "beirut" give Asia/Beirut on any page), or None: a
    reader types the city they know, not the database's key. A name as the site writes it
    ("Beyrouth, UTC+2", "Beyrouth, UTC+2 (Asia/Beirut)") is read too."""
    text = _without_direction_marks(text)
    if (named := _NAMED_KEY.search(text)) and valid_time_zone(named.group(1)):
        return named.group(1)
    return _found_in_any_language(
        _zones_by_city, reading_key(_WRITTEN_OFFSET.sub("", text).strip())
    )


def _without_direction_marks(text: str) -> str:
    """`text` without the marks a zone's offset is written between (_LEFT_TO_RIGHT), as a
    name the site wrote comes back from a form."""
    return text.replace("\u2066", "").replace("\u2069", "").strip()


def _found_in_any_language(table_in, wanted: str) -> str | None:
    """What `wanted` names in `table_in(language)`, asked in the page's language first, then in
    the portal's others, or None."""
    active = translation.get_language() or settings.LANGUAGE_CODE
    for language in dict.fromkeys([active, *(code for code, _name in settings.LANGUAGES)]):
        if found := table_in(language).get(wanted):
            return found
    return None


# "(Asia/Beirut)" after a name, as the event editor's list writes it; ", UTC+2" or " UTC+2".
_NAMED_KEY = re.compile(r"\(([A-Za-z_]+/[A-Za-z_/+-]+)\)\s*$")
_WRITTEN_OFFSET = re.compile(r"[,\u060c]?\s*UTC\s*(?:[+\u2212-]\s*\d{1,2}(?::\d\d)?)?\s*$")


@lru_cache(maxsize=1)
def canonical_zones() -> list[str]:
    """The zones a person picks from: one per place, without the old names kept as links
    (Europe/Belfast is London's, Asia/Calcutta is Kolkata's) or the Etc/GMT offsets."""
    aliases = get_global("zone_aliases")
    return sorted(
        key
        for key in zoneinfo.available_timezones()
        if "/" in key
        and key not in aliases
        and not key.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    )


def canonical_zone(zone: str) -> str:
    """The name of today of a zone known by an old one: Asia/Kolkata for Asia/Calcutta,
    Africa/Cairo for Egypt; any other zone as it is."""
    return get_global("zone_aliases").get(zone, zone)


@lru_cache(maxsize=8)
def _zones_by_city(language: str) -> dict[str, str]:
    zones: dict[str, str] = {}
    for key in canonical_zones():
        zones.setdefault(reading_key(zone_city(key, language)), key)
    return zones


@lru_cache(maxsize=1)
def _zones_of_countries() -> dict[str, list[tuple[str, float, float]]]:
    """Each country's zones with the latitude and longitude of the place that names each, from
    the time zone database's own table (zone.tab, shipped in the tzdata package)."""
    zones: dict[str, list[tuple[str, float, float]]] = {}
    canonical = set(canonical_zones())
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, position, zone = line.split("\t")[:3]
        if zone not in canonical:
            continue
        latitude, longitude = _ISO_6709.fullmatch(position).group(1, 2)
        zones.setdefault(country, []).append((zone, _degrees(latitude), _degrees(longitude)))
    return zones


# "+3353+03530": latitude +DDMM[SS], longitude +DDDMM[SS].
_ISO_6709 = re.compile(r"([+-]\d{4}(?:\d\d)?)([+-]\d{5}(?:\d\d)?)")


def _degrees(text: str) -> float:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:]
    whole = 2 if len(digits) in {4, 6} else 3
    degrees, minutes, seconds = int(digits[:whole]), int(digits[whole : whole + 2]), 0
    if len(digits) > whole + 2:
        seconds = int(digits[whole + 2 :])
    return sign * (degrees + minutes / 60 + seconds / 3600)


def country_zones(country: str) -> list[str]:
    """The zones of a country (its two-letter code), one per place: ["Asia/Beirut"] for LB,
    sixteen for BR."""
    return [zone for zone, _latitude, _longitude in _zones_of_countries().get(country, [])]


def zone_nearest(country: str, latitude: float, longitude: float) -> str | None:
    """The zone of `country` whose place is nearest to the point: Asia/Beirut for Tripoli in
    Lebanon, America/Sao_Paulo for Curitiba. A guess at a border, which a page then names."""
    zones = _zones_of_countries().get(country)
    if not zones:
        return None

    def distance(zone: tuple[str, float, float]) -> float:
        # On a sphere (haversine): the shorter way round, whatever the longitudes' signs.
        _key, zone_latitude, zone_longitude = zone
        lat1, lat2 = math.radians(latitude), math.radians(zone_latitude)
        half_lat = (lat2 - lat1) / 2
        half_lon = math.radians(zone_longitude - longitude) / 2
        return math.sin(half_lat) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(half_lon) ** 2

    return min(zones, key=distance)[0]


@lru_cache(maxsize=8)
def _countries_by_name(language: str) -> dict[str, str]:
    try:
        names = Locale.parse(translation.to_locale(language)).territories
    except (UnknownLocaleError, ValueError):
        return {}
    # Two letters are countries; the regions (three digits, "419") are not.
    return {reading_key(name): code for code, name in names.items() if len(code) == 2}


def country_by_name(text: str) -> str | None:
    """The two-letter code of the country named `text` in any of the portal's languages, the
    page's first ("Liban", "لبنان", "lebanon" give LB), or None."""
    return _found_in_any_language(_countries_by_name, reading_key(text.strip()))


# "UTC+3", "GMT-5", "UTC\u22123": a fixed offset, in whole hours as the database has them.
_TYPED_OFFSET = re.compile(r"(?:UTC|GMT)\s*(?:([+\u2212-])\s*(\d{1,2})(?::00)?)?", re.IGNORECASE)


def zone_of_offset(text: str) -> str | None:
    """The fixed-offset zone a typed "UTC+3" names (Etc/GMT-3: the database's signs are the
    other way round), "UTC" for "UTC" or "GMT+0", or None."""
    typed = _TYPED_OFFSET.fullmatch(_without_direction_marks(text))
    if not typed:
        return None
    sign, hours = typed.group(1, 2)
    if not hours or not int(hours):
        return "UTC"
    zone = f"Etc/GMT{'-' if sign == '+' else '+'}{int(hours)}"
    return valid_time_zone(zone)
