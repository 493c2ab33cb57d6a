"""Which hazards a visitor's words name, in any of the six languages (cities.hazards)."""

import pytest

from cities.hazards import hazards_named_in


@pytest.mark.parametrize(
    "text",
    ["flood", "Floods", "inondation", "Inondations côtières", "inundación", "فيضان", "الفيضان",
     "洪水", "深圳洪水", "наводнение"],
)  # fmt: skip
def test_a_flood_is_named_in_every_language_in_the_plural_and_with_the_arabic_article(text):
    assert hazards_named_in(text) == ["flood"]


def test_accents_and_case_do_not_matter_and_phrases_are_whole():
    assert hazards_named_in("SEISME à Beyrouth") == ["earthquake"]
    assert hazards_named_in("crue soudaine") == ["flash flood"]
    assert set(hazards_named_in("sea-level rise and storm surge")) == {
        "sea-level rise",
        "storm surge",
    }


@pytest.mark.parametrize("text", ["flooding warning", "Shenzhen", "firewall", "Tripoli", ""])
def test_words_that_only_contain_a_hazards_name_name_none(text):
    assert hazards_named_in(text) == []
