"""Lists of names (a suggestion's reasons, an event's languages, a profile's roles) are joined as
the reader's language writes a list."""

from django.utils import translation

from core.content_language import listed, listed_with_and


def test_english_joins_a_list_with_commas_and_and():
    with translation.override("en"):
        assert listed_with_and(["flood", "heatwave"]) == "flood and heatwave"
        assert listed_with_and(["a", "b", "c"]) == "a, b and c"
        assert listed_with_and(["flood"]) == "flood"


def test_arabic_writes_its_and_joined_to_the_last_name():
    with translation.override("ar"):
        assert listed_with_and(["فيضان", "موجة حر"]) == "فيضان وموجة حر"
        assert (
            listed_with_and(["نظم الإنذار المبكر", "عمليات الطوارئ", "حوكمة المخاطر"])
            == "نظم الإنذار المبكر، عمليات الطوارئ وحوكمة المخاطر"
        )


def test_french_keeps_its_and_as_a_word():
    with translation.override("fr"):
        assert listed_with_and(["inondation", "canicule"]) == "inondation et canicule"


def test_chinese_enumerates_with_the_enumeration_comma_and_no_spaces():
    with translation.override("zh-hans"):
        assert (
            listed_with_and(["预警系统", "应急行动", "风险治理"]) == "预警系统、应急行动和风险治理"
        )
        assert listed(["英语", "阿拉伯语"]) == "英语、阿拉伯语"


def test_a_list_of_one_is_the_name_and_of_none_is_empty():
    with translation.override("ar"):
        assert listed_with_and(["فيضان"]) == "فيضان"
        assert listed_with_and([]) == ""
