"""The hazards a city faces, named in the reader's language.

Hazards are free tags (django-taggit's shared tag table, used by pilots and resources too), so
they are not translated in columns: the common hazards have a label per language here, and a tag
without one shows as it was typed.
"""

import re
from collections.abc import Iterable

from django.utils import translation

from core.content_language import reading_key

HAZARD_LABELS = {
    "air pollution": {"fr": "pollution de l'air", "es": "contaminación del aire", "ar": "تلوث الهواء", "zh-hans": "空气污染", "ru": "загрязнение воздуха"},
    "coastal erosion": {"fr": "érosion côtière", "es": "erosión costera", "ar": "تآكل السواحل", "zh-hans": "海岸侵蚀", "ru": "береговая эрозия"},
    "cold wave": {"fr": "vague de froid", "es": "ola de frío", "ar": "موجة برد", "zh-hans": "寒潮", "ru": "волна холода"},
    "cyclone": {"fr": "cyclone", "es": "ciclón", "ar": "إعصار حلزوني", "zh-hans": "气旋", "ru": "циклон"},
    "dengue": {"fr": "dengue", "es": "dengue", "ar": "حمى الضنك", "zh-hans": "登革热", "ru": "лихорадка денге"},
    "drought": {"fr": "sécheresse", "es": "sequía", "ar": "جفاف", "zh-hans": "干旱", "ru": "засуха"},
    "earthquake": {"fr": "séisme", "es": "terremoto", "ar": "زلزال", "zh-hans": "地震", "ru": "землетрясение"},
    "fire": {"fr": "incendie", "es": "incendio", "ar": "حريق", "zh-hans": "火灾", "ru": "пожар"},
    "flash flood": {"fr": "crue soudaine", "es": "inundación repentina", "ar": "فيضان مفاجئ", "zh-hans": "山洪", "ru": "внезапный паводок"},
    "flood": {"fr": "inondation", "es": "inundación", "ar": "فيضان", "zh-hans": "洪水", "ru": "наводнение"},
    "heatwave": {"fr": "vague de chaleur", "es": "ola de calor", "ar": "موجة حر", "zh-hans": "热浪", "ru": "волна жары"},
    "hurricane": {"fr": "ouragan", "es": "huracán", "ar": "إعصار", "zh-hans": "飓风", "ru": "ураган"},
    "industrial accident": {"fr": "accident industriel", "es": "accidente industrial", "ar": "حادث صناعي", "zh-hans": "工业事故", "ru": "промышленная авария"},
    "landslide": {"fr": "glissement de terrain", "es": "deslizamiento de tierra", "ar": "انهيار أرضي", "zh-hans": "山体滑坡", "ru": "оползень"},
    "mudflow": {"fr": "coulée de boue", "es": "flujo de lodo", "ar": "سيل طيني", "zh-hans": "泥石流", "ru": "сель"},
    "sea-level rise": {"fr": "élévation du niveau de la mer", "es": "aumento del nivel del mar", "ar": "ارتفاع مستوى سطح البحر", "zh-hans": "海平面上升", "ru": "повышение уровня моря"},
    "storm surge": {"fr": "onde de tempête", "es": "marejada ciclónica", "ar": "عرام العواصف", "zh-hans": "风暴潮", "ru": "штормовой нагон"},
    "tsunami": {"fr": "tsunami", "es": "tsunami", "ar": "تسونامي", "zh-hans": "海啸", "ru": "цунами"},
    "typhoon": {"fr": "typhon", "es": "tifón", "ar": "إعصار التيفون", "zh-hans": "台风", "ru": "тайфун"},
    "volcanic eruption": {"fr": "éruption volcanique", "es": "erupción volcánica", "ar": "ثوران بركاني", "zh-hans": "火山喷发", "ru": "извержение вулкана"},
}  # fmt: skip


def hazard_label(name: str, language: str | None = None) -> str:
    """`name` in `language` (default: the active one) when it is a known hazard, else as typed."""
    language = (language or translation.get_language() or "en").lower()
    return HAZARD_LABELS.get(name.lower(), {}).get(language, name)


# Case and accents aside, so that "Séisme" and "seisme" read alike: the same key as sorting.
_folded = reading_key


# Every known hazard's key and labels, folded, to its key: what `hazard_key` looks up.
_KEYS_BY_NAME = {
    _folded(label): name
    for name, labels in HAZARD_LABELS.items()
    for label in (name, *labels.values())
}


def hazard_key(typed: str) -> str:
    """The English key of the known hazard `typed` names in any language, case and accents aside
    ("فيضان", "Inondation" -> "flood"), else `typed` as it is ("sandstorm").

    Hazards are stored by key, so that every page shows them in its reader's language and a city
    matches "flood" whichever language its official typed it in.
    """
    return _KEYS_BY_NAME.get(_folded(typed.strip()), typed)


def hazards_to_save(typed: Iterable[str], *, saved: Iterable[str] = ()) -> list[str]:
    """The hazard names to store for `typed`, a form's list, where the city had `saved`.

    A known hazard becomes its key; a name the city already has comes back as it is stored, so
    a form saved unchanged changes nothing: "Flood" shown as "فيضان" stays "Flood", and
    "séisme", stored as typed before hazards were keys, is shown as it is and kept (unless the
    city also has "earthquake", which it then merges into). Each name once.
    """
    kept = {_folded(name): name for name in saved}
    names = []
    for name in typed:
        key = hazard_key(name)
        name = kept.get(_folded(key)) or kept.get(_folded(name)) or key
        if name not in names:
            names.append(name)
    return names


def _name_pattern(label: str) -> str:
    folded = re.escape(_folded(label))
    if re.search(r"[\u3400-\u9fff]", label):
        return folded  # Chinese runs its words together: the characters anywhere
    # The whole word or phrase, in the plural too, and in Arabic with its article in front.
    return rf"(?<!\w)(?:ال)?{folded}(?:e?s)?(?!\w)"


_NAMED_IN = {
    name: re.compile("|".join(_name_pattern(label) for label in {name, *labels.values()}))
    for name, labels in HAZARD_LABELS.items()
}


def hazards_named_in(text: str) -> list[str]:
    """The known hazards that `text` names in any of the six languages, case, accents, a plural
    and Arabic's article aside: "Inondations", "الفيضان" and "洪水" all name "flood"."""
    folded = _folded(text)
    return [name for name, pattern in _NAMED_IN.items() if pattern.search(folded)]
