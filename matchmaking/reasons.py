"""Why a suggestion is made, in plain words: stored as data, read in the reader's language.

A refresh stores each suggestion's reasons as small dicts (`reasons_for`); a page, the API or a
digest turns them into a sentence with `reasons_text` under the active language, so one stored
suggestion reads in English, Arabic or Chinese alike. The names inside the sentence are content
in six languages too, so a reason stores ids (topics, clusters) and the names are looked up when
it is read (`ReasonNames`): an Arabic page says طرابلس and نظم الإنذار المبكر, not the English
names of the night the suggestions were refreshed. The names stored beside the ids are only a
fallback for a topic or cluster deleted since.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from cities.hazards import hazard_label
from cities.models import Region
from clusters.models import Cluster, Topic
from clusters.selectors import cluster_name_columns, topic_name_columns
from core.content_language import listed_with_and
from core.selectors import among
from core.suggestions import Candidate, CityNeeds


@dataclass(frozen=True)
class ReasonNames:
    """The names a batch of reasons needs, in the active language.

    `who` and `city` are the suggestion's own object and the city it is for (their names read
    in the active language through their translated fields); `topics` and `clusters` map ids to
    names (`reason_names_for` fetches them for a batch in two queries).
    """

    who: str = ""
    city: str = ""
    topics: Mapping[int, str] = field(default_factory=dict)
    clusters: Mapping[int, str] = field(default_factory=dict)


def reason_names_for(reason_lists: Iterable[list[dict]]) -> tuple[dict, dict]:
    """({topic id: name}, {cluster id: name}) in the active language for these reasons: one
    query each, asked even when no reason names any (the same cost for every city)."""
    topic_ids, cluster_ids = set(), set()
    for reasons in reason_lists:
        for reason in reasons:
            topic_ids.update(reason.get("topic_ids", ()))
            cluster_ids.update(reason.get("cluster_ids", ()))
    # Their names alone, unsorted: a topic's default order joined its cluster, and a cluster's
    # whole row carries its texts in every language.
    topics = Topic.objects.filter(among(topic_ids)).order_by()
    clusters = Cluster.objects.filter(among(cluster_ids)).order_by()
    return (
        {topic.pk: str(topic.name) for topic in topics.only(*topic_name_columns())},
        {cluster.pk: str(cluster.name) for cluster in clusters.only(*cluster_name_columns())},
    )


def _names(ids, stored, known: Mapping[int, str]) -> list[str]:
    """Names of `ids` from `known`, else the name stored with the reason (a deleted topic)."""
    if not ids:
        return list(stored)
    fallback = dict(zip(ids, stored, strict=False))
    return [
        known.get(pk) or fallback.get(pk, "") for pk in ids if known.get(pk) or fallback.get(pk)
    ]


# How a candidate's topics read, by its verb (core.suggestions).
_COVERS = {
    "offers": lambda: _("%(who)s offers %(topics)s, which %(city)s needs"),
    # A pilot's or an event's title is the suggestion's heading already: "it" reads better.
    "works_on": lambda: _("it works on %(topics)s, which %(city)s needs"),
    "teaches": lambda: _("it covers %(topics)s, which %(city)s needs"),
    "offers_expertise": lambda: _("%(who)s offers expertise in %(topics)s, which %(city)s needs"),
    "open_to": lambda: _("%(who)s is open to %(city)s and covers %(topics)s"),
}


def _lower_first(name: str) -> str:
    """ "Early warning systems" reads "early warning systems" inside a sentence; "SMS alerts"
    and names in scripts without case stay as they are."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def reasons_for(candidate: Candidate, needs: CityNeeds) -> list[dict]:
    """The reasons of one candidate as data, most telling first."""
    topics = [
        needs.need_topics[pk] for pk in sorted(candidate.topic_ids, key=needs.need_topics.get)
    ]
    reasons = [
        {
            "code": "covers",
            "verb": candidate.verb,
            "who": candidate.name,
            "city": needs.city_name,
            "topic_ids": sorted(candidate.topic_ids, key=needs.need_topics.get),
            "topics": topics,
        }
    ]
    if candidate.hazards:
        reasons.append({"code": "hazards", "hazards": sorted(candidate.hazards)})
    if candidate.cluster_ids:
        cluster_ids = sorted(candidate.cluster_ids, key=needs.cluster_names.get)
        reasons.append(
            {
                "code": "clusters",
                "cluster_ids": cluster_ids,
                "clusters": [needs.cluster_names[pk] for pk in cluster_ids],
                "both": candidate.verb == "offers",
                "city": needs.city_name,
            }
        )
    if candidate.same_region:
        reasons.append({"code": "region", "region": needs.region})
    reasons.extend(candidate.extra_reasons)
    return reasons


def reason_text(reason: dict, names: ReasonNames | None = None) -> str:
    """One reason as a phrase in the active language; an unknown code reads as nothing. Names
    come from `names` where it has them, else from what the reason stored."""
    names = names or ReasonNames()
    code = reason.get("code")
    city = names.city or reason.get("city", "")
    if code == "covers":
        template = _COVERS.get(reason.get("verb"), _COVERS["offers"])()
        topics = _names(reason.get("topic_ids", []), reason.get("topics", []), names.topics)
        return template % {
            "who": names.who or reason.get("who", ""),
            "city": city,
            "topics": listed_with_and(_lower_first(name) for name in topics),
        }
    if code == "hazards":
        hazards = sorted(hazard_label(name) for name in reason.get("hazards", []))
        return _("both face %(hazards)s") % {"hazards": listed_with_and(hazards)}
    if code == "clusters":
        clusters = _names(reason.get("cluster_ids", []), reason.get("clusters", []), names.clusters)
        values = {"clusters": listed_with_and(sorted(clusters)), "city": city}
        if reason.get("both"):
            return (
                ngettext(
                    "both are in the %(clusters)s cluster",
                    "both are in the %(clusters)s clusters",
                    len(clusters),
                )
                % values
            )
        return (
            ngettext(
                "it is in the %(clusters)s cluster, like %(city)s",
                "it is in the %(clusters)s clusters, like %(city)s",
                len(clusters),
            )
            % values
        )
    if code == "region":
        try:
            region = Region(reason.get("region")).label
        except ValueError:
            return ""
        return _("both are in %(region)s") % {"region": region}
    if code == "active":
        return _("it is under way")
    if code in ("starts", "deadline"):
        try:
            day = dt.date.fromisoformat(reason.get("date", ""))
        except ValueError:
            return ""
        text = _("it starts on %(date)s") if code == "starts" else _("apply by %(date)s")
        return text % {"date": formats.date_format(day, "DATE_FORMAT")}
    return ""


def reasons_text(reasons: list[dict], names: ReasonNames | None = None) -> str:
    """The whole "why" of a suggestion: its reasons joined into one sentence."""
    phrases = [text for text in (reason_text(reason, names) for reason in reasons) if text]
    if not phrases:
        return ""
    sentence = _("; ").join(phrases)
    # The language's full stop ("。" in Chinese), once: a date can end with one already
    # (a Russian date ends with the abbreviation of "year" and its dot).
    full_stop = pgettext("the end of a sentence", ".")
    ending = "" if sentence.endswith(full_stop) else full_stop
    return sentence[0].upper() + sentence[1:] + ending
