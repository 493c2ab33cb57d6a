"""The names in a suggestion's reasons are joined as the reader's language joins a list."""

from django.utils import translation

from matchmaking.reasons import _and_list


def test_english_joins_a_list_with_commas_and_and():
    with translation.override("en"):
        assert _and_list(["flood", "heatwave"]) == "flood and heatwave"
        assert _and_list(["a", "b", "c"]) == "a, b and c"
        assert _and_list(["flood"]) == "flood"


def test_arabic_writes_its_and_joined_to_the_last_name():
    with translation.override("ar"):
        assert _and_list(["فيضان", "موجة حر"]) == "فيضان وموجة حر"
        assert (
            _and_list(["نظم الإنذار المبكر", "عمليات الطوارئ", "حوكمة المخاطر"])
            == "نظم الإنذار المبكر، عمليات الطوارئ وحوكمة المخاطر"
        )


def test_french_keeps_its_and_as_a_word():
    with translation.override("fr"):
        assert _and_list(["inondation", "canicule"]) == "inondation et canicule"
