"""How a suggestion is scored: the weights, in one place, and the arithmetic.

A suggestion's score is the sum of weight times count over the facts below; every part is kept with
the suggestion (`CityMatch.score_parts`) and shown in the API, so anyone can check why one
suggestion ranks above another. Only candidates that cover at least one topic the city needs
are kept: shared hazards or clusters alone make no suggestion.

    topic    10  per topic the city needs that the suggestion covers
    hazard    2  per hazard both face, counted up to MAX_HAZARDS
    cluster   3  per cluster both are in
    region    1  the peer city is in the same UN region
    active    2  the pilot is under way
    soon      2  the event starts within SOON_DAYS
    eligible  3  the city may apply (an opportunity open to its country or region)
"""

from core.suggestions import Candidate

WEIGHTS = {
    "topic": 10,
    "hazard": 2,
    "cluster": 3,
    "region": 1,
    "active": 2,
    "soon": 2,
    "eligible": 3,
}
MAX_HAZARDS = 3
SOON_DAYS = 60
# Suggestions kept per city and kind: the city page shows the best few, the API all of them.
KEEP_PER_KIND = 10


def score_parts(candidate: Candidate) -> dict[str, int]:
    """{fact: points} of one candidate; facts worth nothing are left out."""
    counts = {
        "topic": len(candidate.topic_ids),
        "hazard": min(len(candidate.hazards), MAX_HAZARDS),
        "cluster": len(candidate.cluster_ids),
        "region": int(candidate.same_region),
        **{name: int(value) for name, value in candidate.signals.items()},
    }
    parts = {name: WEIGHTS.get(name, 0) * count for name, count in counts.items()}
    return {name: points for name, points in parts.items() if points}


def score(candidate: Candidate) -> int:
    return sum(score_parts(candidate).values())


def is_suggestion(candidate: Candidate) -> bool:
    return bool(candidate.topic_ids)


def best(candidates, *, keep: int = KEEP_PER_KIND) -> list[tuple[int, dict, Candidate]]:
    """The `keep` best suggestions as (score, parts, candidate), best first; ties by id."""
    scored = []
    for candidate in candidates:
        if not is_suggestion(candidate):
            continue
        parts = score_parts(candidate)
        scored.append((sum(parts.values()), parts, candidate))
    scored.sort(key=lambda row: (-row[0], row[2].target_id))
    return scored[:keep]
