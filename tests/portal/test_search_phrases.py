"""A quoted phrase also asks for its word pairs, so the index can answer it; nothing else changes.

The inputs are what PostgreSQL's websearch_to_tsquery('simple', ...)::text returns."""

import pytest

from portal.search_phrases import MARKER, TsQuerySyntaxError, parse, to_text, with_word_pairs

MARKER_ = f"'{MARKER}'"


def test_it_answers_a_two_word_phrase_with_its_pair():
    assert with_word_pairs("'early' <-> 'warning'") == (
        f"( 'early warning' | ( {MARKER_} & ( 'early' <-> 'warning' ) ) )"
    )


def test_it_asks_a_longer_phrase_for_each_adjacent_pair():
    assert with_word_pairs("'early' <-> 'warning' <-> 'systems'") == (
        f"( ( ( 'early warning' & 'warning systems' ) | {MARKER_} )"
        " & ( ( 'early' <-> 'warning' ) <-> 'systems' ) )"
    )


def test_it_rewrites_phrases_next_to_other_words_and_under_or_and_not():
    rewritten = with_word_pairs("'a' <-> 'b' | 'd' & !( 'e' <-> 'f' )")

    assert rewritten == (
        f"( ( 'a b' | ( {MARKER_} & ( 'a' <-> 'b' ) ) )"
        f" | ( 'd' & !( ( 'e f' | ( {MARKER_} & ( 'e' <-> 'f' ) ) ) ) ) )"
    )


def test_it_leaves_queries_without_a_plain_phrase_as_they_mean():
    for query in [
        "'flood'",
        "'flood' & 'risk'",
        "'x' & !'y'",
        "'a':* <-> 'b'",  # a prefix has no single pair
        "'a' <2> 'b'",  # words two apart are no pair
        "( 'a' | 'b' ) <-> 'c'",
    ]:
        assert "'a b'" not in with_word_pairs(query)
        assert parse(with_word_pairs(query)) == parse(query)


def test_it_keeps_quotes_and_backslashes_in_words():
    rewritten = with_word_pairs(r"'l''eau' <-> 'a\\b'")

    assert rewritten.startswith(r"( 'l''eau a\\b' | ")
    assert parse(rewritten).right.right.left.text == "l'eau"


def test_it_reads_back_what_it_writes():
    query = "'a' <-> 'b' <-> 'c' | 'd' & !( 'e' <-> 'f' ) & 'g':*"

    assert parse(to_text(parse(query))) == parse(query)


def test_it_gives_an_empty_query_back_empty():
    assert with_word_pairs("") == ""


def test_it_refuses_text_that_is_no_tsquery():
    with pytest.raises(TsQuerySyntaxError):
        with_word_pairs("'a' & ( 'b'")
