"""How typed tags are read (settings.TAGGIT_TAGS_FROM_STRING): every tag field of the portal, a
city's hazards, a pilot's and a resource's tags, in the forms and the admin alike.

People type the comma of their own script: the Arabic help text itself separates hazards with
"،". taggit knows only "," and, without one, splits on spaces, so "فيضان، زلزال" became the tags
"فيضان،" and "زلزال". These commas count as ","; a text without any comma is one tag (taggit
would split it on spaces); quotes and the rest are taggit's own rules.
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
    text = '"'.join(
        part if index % 2 and index != last else part.translate(OTHER_COMMAS)
        for index, part in enumerate(parts)
    )
    if "," not in text and '"' not in text:
        # Without a comma taggit splits on spaces: "flash flood" typed alone became the tags
        # "flash" and "flood", and "فيضان مفاجئ" two Arabic words. Every hint says to separate
        # tags with commas, so a text without one is one tag.
        return [text.strip()] if text.strip() else []
    return _parse_tags(text)


def edit_string_for_tags(tags) -> str:
    """The tags as a form shows them to be edited (settings.TAGGIT_STRING_FROM_TAGS), so that a
    form saved unchanged gives back the same tags: a name holding any comma `parse_tags` splits
    on is quoted ("水、卫生" stays one tag).

    A name with a space is not quoted: names are split on commas only (`parse_tags`), and the
    quotes taggit adds ("vague de chaleur", incendie) looked like a mistake to the officials who
    read them.
    """
    return ", ".join(
        sorted(
            f'"{tag.name}"' if any(mark in tag.name for mark in ",،、，") else tag.name
            for tag in tags
        )
    )
