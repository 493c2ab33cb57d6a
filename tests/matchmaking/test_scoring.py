"""The score is the documented weights times the facts, and the reasons read as plain words."""

import dataclasses

import pytest
from django.utils import translation

from core.suggestions import Candidate, CityNeeds
from matchmaking import scoring
from matchmaking.reasons import ReasonNames, reasons_for, reasons_text

NEEDS = CityNeeds(
    city_id=1,
    city_name="Tripoli",
    region="arab_states",
    country="LB",
    need_topics={10: "Early warning systems", 11: "Risk governance", 12: "Emergency operations"},
    hazards=frozenset({"flood", "earthquake"}),
    cluster_names={7: "Disaster Risk"},
)


def _candidate(**fields):
    values = {"target_id": 5, "verb": "offers", "name": "Shenzhen", "topic_ids": frozenset({10})}
    return Candidate(**{**values, **fields})


def test_the_weights_are_the_documented_ones():
    assert scoring.WEIGHTS == {
        "topic": 10,
        "hazard": 2,
        "cluster": 3,
        "region": 1,
        "active": 2,
        "soon": 2,
        "eligible": 3,
    }
    assert scoring.MAX_HAZARDS == 3


def test_each_needed_topic_covered_is_worth_ten():
    assert scoring.score(_candidate(topic_ids=frozenset({10}))) == 10
    assert scoring.score(_candidate(topic_ids=frozenset({10, 11, 12}))) == 30


def test_shared_hazards_clusters_and_region_add_their_weights():
    candidate = _candidate(
        hazards=frozenset({"flood", "earthquake"}), cluster_ids=frozenset({7}), same_region=True
    )

    assert scoring.score_parts(candidate) == {"topic": 10, "hazard": 4, "cluster": 3, "region": 1}
    assert scoring.score(candidate) == 18


def test_hazards_count_up_to_three():
    many = frozenset({"flood", "earthquake", "heat", "drought", "storm"})

    assert scoring.score_parts(_candidate(hazards=many))["hazard"] == 6


def test_signals_of_a_source_are_weighted_and_unknown_ones_count_nothing():
    candidate = _candidate(signals={"active": 1, "soon": 1, "invented": 5})

    assert scoring.score_parts(candidate) == {"topic": 10, "active": 2, "soon": 2}


def test_a_candidate_that_covers_no_needed_topic_is_no_suggestion():
    sharing_everything_else = _candidate(
        topic_ids=frozenset(), hazards=frozenset({"flood"}), cluster_ids=frozenset({7})
    )

    assert not scoring.is_suggestion(sharing_everything_else)
    assert scoring.best([sharing_everything_else]) == []


def test_best_keeps_the_highest_scores_first_and_breaks_ties_by_id():
    low = _candidate(target_id=1)
    high = _candidate(target_id=2, topic_ids=frozenset({10, 11}))
    tie = _candidate(target_id=0)

    ranked = scoring.best([low, high, tie], keep=2)

    assert [candidate.target_id for _score, _parts, candidate in ranked] == [2, 0]


def test_the_reason_names_the_topic_the_city_and_what_both_share():
    candidate = _candidate(
        topic_ids=frozenset({10}),
        hazards=frozenset({"flood", "earthquake"}),
        cluster_ids=frozenset({7}),
    )

    text = reasons_text(reasons_for(candidate, NEEDS))

    assert text == (
        "Shenzhen offers early warning systems, which Tripoli needs; "
        "both face earthquake and flood; both are in the Disaster Risk cluster."
    )


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        ("works_on", "It works on early warning systems, which Tripoli needs"),
        ("teaches", "It covers early warning systems, which Tripoli needs"),
        ("offers_expertise", "Pilot X offers expertise in early warning systems"),
    ],
)
def test_each_kind_of_suggestion_reads_its_own_way(verb, expected):
    text = reasons_text(reasons_for(_candidate(verb=verb, name="Pilot X"), NEEDS))

    assert text.startswith(expected)


def test_the_reasons_are_read_in_the_readers_language():
    reasons = reasons_for(_candidate(cluster_ids=frozenset({7})), NEEDS)

    with translation.override("fr"):
        text = reasons_text(reasons)

    # The French catalogue may not carry the new sentences yet; the names stay as written.
    assert "Shenzhen" in text and "Tripoli" in text and "early warning systems" in text


def test_an_unknown_reason_code_reads_as_nothing():
    assert reasons_text([{"code": "from-a-future-version"}]) == ""


def test_names_given_at_read_time_replace_the_stored_ones_and_hazards_are_translated():
    candidate = _candidate(
        topic_ids=frozenset({10}), hazards=frozenset({"flood"}), cluster_ids=frozenset({7})
    )
    reasons = reasons_for(candidate, NEEDS)
    names = ReasonNames(
        who="Shenzhen (fr)",
        city="Tripoli (fr)",
        topics={10: "Systèmes d'alerte précoce"},
        clusters={7: "Risques de catastrophe"},
    )

    with translation.override("fr"):
        text = reasons_text(reasons, names)

    assert "Shenzhen (fr)" in text and "Tripoli (fr)" in text
    assert "systèmes d'alerte précoce" in text and "Risques de catastrophe" in text
    assert "inondation" in text  # the hazard "flood" in French
    assert "early warning" not in text and "Disaster Risk" not in text


def test_a_chinese_sentence_lists_without_spaces_and_ends_with_its_own_full_stop():
    candidate = _candidate(topic_ids=frozenset({10, 11, 12}))
    needs = dataclasses.replace(
        NEEDS, need_topics={10: "预警系统", 11: "应急行动", 12: "风险治理"}, city_name="的黎波里"
    )

    with translation.override("zh-hans"):
        text = reasons_text(reasons_for(candidate, needs))

    assert "应急行动、预警系统和风险治理" in text  # in the order of the names
    assert text.endswith("所需要的。")
    assert " 和 " not in text


def test_a_date_ending_with_its_own_dot_is_not_followed_by_another():
    reasons = [{"code": "deadline", "date": "2027-03-31"}]

    with translation.override("ru"):
        text = reasons_text(reasons)

    assert text.endswith("2027 г.")
    assert not text.endswith("..")
