"""Why a suggestion is made, in plain words: stored as data, read in the reader's language.

A refresh stores each suggestion's reasons as small dicts (`reasons_for`); a page, the API or a
digest turns them into a sentence with `reasons_text` under the active language, so one stored
suggestion reads in English, Arabic or Chinese alike. Names (cities, topics, hazards) are
content and stay as written.
"""

import datetime as dt

from django.utils import formats
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cities.models import Region
from core.suggestions import Candidate, CityNeeds

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


def _and_list(names) -> str:
    return str(get_text_list([str(name) for name in names], _("and")))


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
            "topics": topics,
        }
    ]
    if candidate.hazards:
        reasons.append({"code": "hazards", "hazards": sorted(candidate.hazards)})
    if candidate.cluster_ids:
        names = sorted(needs.cluster_names[pk] for pk in candidate.cluster_ids)
        reasons.append(
            {
                "code": "clusters",
                "clusters": names,
                "both": candidate.verb == "offers",
                "city": needs.city_name,
            }
        )
    if candidate.same_region:
        reasons.append({"code": "region", "region": needs.region})
    reasons.extend(candidate.extra_reasons)
    return reasons


def reason_text(reason: dict) -> str:
    """One reason as a phrase in the active language; an unknown code reads as nothing."""
    code = reason.get("code")
    if code == "covers":
        template = _COVERS.get(reason.get("verb"), _COVERS["offers"])()
        return template % {
            "who": reason.get("who", ""),
            "city": reason.get("city", ""),
            "topics": _and_list(_lower_first(name) for name in reason.get("topics", [])),
        }
    if code == "hazards":
        return _("both face %(hazards)s") % {"hazards": _and_list(reason.get("hazards", []))}
    if code == "clusters":
        names = reason.get("clusters", [])
        values = {"clusters": _and_list(names), "city": reason.get("city", "")}
        if reason.get("both"):
            return (
                ngettext(
                    "both are in the %(clusters)s cluster",
                    "both are in the %(clusters)s clusters",
                    len(names),
                )
                % values
            )
        return (
            ngettext(
                "it is in the %(clusters)s cluster, like %(city)s",
                "it is in the %(clusters)s clusters, like %(city)s",
                len(names),
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
    if code == "starts":
        try:
            day = dt.date.fromisoformat(reason.get("date", ""))
        except ValueError:
            return ""
        return _("it starts on %(date)s") % {"date": formats.date_format(day, "DATE_FORMAT")}
    if code == "deadline":
        try:
            day = dt.date.fromisoformat(reason.get("date", ""))
        except ValueError:
            return ""
        return _("apply by %(date)s") % {"date": formats.date_format(day, "DATE_FORMAT")}
    return ""


def reasons_text(reasons: list[dict]) -> str:
    """The whole "why" of a suggestion: its reasons joined into one sentence."""
    phrases = [text for text in (reason_text(reason) for reason in reasons) if text]
    if not phrases:
        return ""
    sentence = _("; ").join(phrases)
    return sentence[0].upper() + sentence[1:] + "."
