"""Small filters the site's layout and its sentences need."""

from django import template
from django.conf import settings

from core.content_language import bracketed as in_brackets
from core.language_notice import language_switched_from as switched_from
from core.time_zones import zone_name as named_zone

register = template.Library()


@register.filter
def language_switched_from(message) -> str:
    """The offered language a sign-in switched away from, for the notice's "Switch back"."""
    previous = switched_from(message)
    return previous if previous in dict(settings.LANGUAGES) else ""


@register.filter
def without_final_stop(text) -> str:
    """A date or time that ends a sentence without its own full stop ("9 a.m." + "." → "9 a.m.").

    English formats abbreviate "a.m."/"p.m." with a stop; the sentence's own stop then follows it.
    """
    text = str(text)
    return text[:-1] if text.endswith(".") else text


@register.filter
def zone_name(zone, when=None) -> str:
    """{{ visitor_zone|zone_name }}: "Nairobi, UTC+3" in the reader's language, not
    "Africa/Nairobi"; {{ event.time_zone|zone_name:event.starts_at }} gives the offset on that day."""
    return named_zone(zone, when)


# Punctuation that carries its own space: after a full-width colon Chinese writes no space.
_FULL_WIDTH_ENDINGS = ("\uff1a", "\uff0c", "\u3001", "\u3002")


@register.filter
def spaced_label(label) -> str:
    """{% translate "Languages:" as label %}{{ label|spaced_label }}: the label, then a space
    unless its translation ends with a full-width colon, which has its space built in."""
    label = str(label)
    return label if label.endswith(_FULL_WIDTH_ENDINGS) else f"{label} "


# A full-width opening bracket carries its own space, as the full-width colon does.
_FULL_WIDTH_OPENINGS = ("\uff08",)


@register.filter
def space_before(remark) -> str:
    """{{ remark|space_before }}<span>{{ remark }}</span>: the space between a name and the
    remark after it, unless the remark opens with a full-width bracket (U+FF08), which carries
    its own space in Chinese."""
    return "" if str(remark).startswith(_FULL_WIDTH_OPENINGS) else " "


@register.filter
def bracketed(remark) -> str:
    """{{ link.get_role_display|bracketed }}: " (Learning city)" after a name, with its space;
    and in Chinese full-width brackets (U+FF08, U+FF09) without the space."""
    return in_brackets(remark)
