"""How typed tags are read (settings.TAGGIT_TAGS_FROM_STRING): every tag field of the portal, a
city's hazards, a pilot's and a resource's tags, in the forms and the admin alike.

People type the comma of their own script: the Arabic help text itself separates hazards with
"،". taggit knows only "," and, without one, splits on spaces, so "فيضان، زلزال" became the tags
"فيضان،" and "زلزال". These commas count as ","; quotes and the rest are taggit's own rules.
"""

from taggit.utils import _parse_tags

# The Arabic comma (also Persian and Urdu), the ideographic comma Chinese separates a list with,
# and the full-width comma a Chinese or Japanese keyboard types.
OTHER_COMMAS = str.maketrans(dict.fromkeys("،、，", ","))


def parse_tags(text: str) -> list[str]:
    """The tag names in `text`, taggit's way, each of the commas above read as ",".

    Only outside double quotes: a quoted name keeps what it holds, as taggit keeps its commas.
    A quote left open counts as unquoted, as taggit counts it.
    """
    if not text:
        return []
    parts = text.split('"')
    last = len(parts) - 1
    return _parse_tags(
        '"'.join(
            part if index % 2 and index != last else part.translate(OTHER_COMMAS)
            for index, part in enumerate(parts)
        )
    )


def edit_string_for_tags(tags) -> str:
    """The tags as a form shows them to be edited (settings.TAGGIT_STRING_FROM_TAGS): taggit's
    way, a name quoted when it holds a space or any comma `parse_tags` splits on, so that a form
    saved unchanged gives back the same tags ("水、卫生" stays one tag)."""
    names = [
        f'"{tag.name}"' if any(mark in tag.name for mark in " ,،、，") else tag.name for tag in tags
    ]
    return ", ".join(sorted(names))
