"""Hazards are stored by their English key whatever language they are typed in (cities.hazards)."""

import pytest

from cities.hazards import HAZARD_LABELS, _folded, hazard_key, hazards_to_save


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("flood", "flood"),
        ("Flood", "flood"),
        ("فيضان", "flood"),
        ("Inondation", "flood"),
        ("洪水", "flood"),
        ("наводнение", "flood"),
        ("Séisme", "earthquake"),
        ("seisme", "earthquake"),
        ("زلزال", "earthquake"),
        ("فيضان مفاجئ", "flash flood"),
        ("Ola de calor", "heatwave"),
    ],
)
def test_it_gives_the_key_of_a_known_hazard_named_in_any_language(typed, key):
    assert hazard_key(typed) == key


@pytest.mark.parametrize("typed", ["sandstorm", "Sandstorm", "early warning", "flood, coastal"])
def test_it_keeps_an_unknown_hazard_as_typed(typed):
    assert hazard_key(typed) == typed


def test_no_label_names_two_hazards():
    # Otherwise what an official typed could be stored as the wrong hazard.
    keys_by_label: dict[str, set] = {}
    for name, labels in HAZARD_LABELS.items():
        for label in (name, *labels.values()):
            keys_by_label.setdefault(_folded(label), set()).add(name)
    assert {label: keys for label, keys in keys_by_label.items() if len(keys) > 1} == {}


def test_it_stores_typed_hazards_by_key_once_each():
    assert hazards_to_save(["فيضان", "flood", "Séisme", "sandstorm"]) == [
        "flood",
        "earthquake",
        "sandstorm",
    ]


def test_it_keeps_the_names_a_city_has_as_they_are_stored():
    # Stored before hazards were keys: shown as they are, sent back, kept.
    saved = ["séisme", "Flood", "Sandstorm"]

    assert hazards_to_save(["séisme", "فيضان", "sandstorm"], saved=saved) == [
        "séisme",
        "Flood",
        "Sandstorm",
    ]


def test_a_newly_typed_hazard_becomes_its_key_beside_an_old_spelling():
    # "فيضان" stored as typed before; "Inondation" typed now names "flood", which the city
    # does not have under that key.
    assert hazards_to_save(["فيضان", "Inondation"], saved=["فيضان"]) == ["فيضان", "flood"]


def test_an_old_spelling_beside_its_key_merges_into_the_key():
    # The Arabic form shows both "flood" and an old "فيضان" as "فيضان", once.
    assert hazards_to_save(["فيضان"], saved=["flood", "فيضان"]) == ["flood"]
    assert hazards_to_save(["earthquake", "séisme"], saved=["earthquake", "séisme"]) == [
        "earthquake"
    ]
