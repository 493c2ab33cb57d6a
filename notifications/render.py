"""A digest's email: each item's lines rendered once per batch, then joined per reader.

A digest lists up to DIGEST_ITEM_LIMIT items, most of them shared with thousands of other
readers; rendering them through the template once per reader was most of a run's time. So item
lines are rendered once per batch, language and time zone, and a whole email once per digest that
reads alike (same items, language and zone), with a stand-in unsubscribe link then swapped for
each reader's own.
"""

import dataclasses
from dataclasses import dataclass

from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .compose import DIGEST_ITEM_LIMIT, ComposedDigest
from .content import SECTION_LABELS, ContentItem, absolute_url
from .emails import RenderedEmail, email_render, recipient_language, recipient_zone
from .tokens import unsubscribe_token

# Rendered where a reader's own unsubscribe link goes, then replaced by it (DigestMarkup.email).
UNSUBSCRIBE_STAND_IN = "https://unsubscribe.invalid/digest-reader-link"
UNSUBSCRIBE_SLUG_STAND_IN = "digest-reader-token"


def _page_url(view: str, *, language: str, **kwargs) -> str:
    """A portal page's absolute address in `language`; blank (the email then shows no link) if
    not routed."""
    try:
        return absolute_url(reverse(view, kwargs=kwargs), language=language)
    except NoReverseMatch:
        return ""


@dataclass(frozen=True)
class ItemList:
    """A list of items as the email shows it, in both of its formats."""

    html: str
    text: str

    def __bool__(self):
        return bool(self.text)


class DigestMarkup:
    """Renders the digests of one batch, keeping what readers share (see the module's doc)."""

    TEMPLATES = {
        "item": ("notifications/email/digest_item.html", "notifications/email/digest_item.txt"),
        "upcoming": (
            "notifications/email/digest_upcoming.html",
            "notifications/email/digest_upcoming.txt",
        ),
    }

    def __init__(self):
        self.rendered = {}
        self.emails = {}
        self.unsubscribe_patterns = {}
        # Where the reader sees what a digest leaves out, per language: {language: {name: url}}.
        self.urls = {}
        self.templates = {
            kind: tuple(get_template(name) for name in names)
            for kind, names in self.TEMPLATES.items()
        }

    def page_urls(self, language: str) -> dict:
        if language not in self.urls:
            self.urls[language] = {
                "notifications": _page_url("notifications:list", language=language),
                "events": _page_url("events:list", language=language),
            }
        return self.urls[language]

    def unsubscribe_url(self, *, user_id, period, language: str) -> str:
        """tokens.unsubscribe_url, with the URL reversed once per batch and language rather
        than per reader.

        A token is URL-safe base64 and colons, which reverse() leaves as they are.
        """
        if language not in self.unsubscribe_patterns:
            self.unsubscribe_patterns[language] = absolute_url(
                reverse("notifications:unsubscribe", kwargs={"token": UNSUBSCRIBE_SLUG_STAND_IN}),
                language=language,
            )
        token = unsubscribe_token(user_id=user_id, digest_period=period)
        return self.unsubscribe_patterns[language].replace(UNSUBSCRIBE_SLUG_STAND_IN, token)

    def email(
        self, *, user, period, since, composed: ComposedDigest, unsubscribe_url
    ) -> RenderedEmail:
        """The reader's email, rendered once per batch for every reader whose digest reads alike.

        Readers who follow the same things get the same digest but for their unsubscribe link:
        the templates are rendered once per such digest, language and time zone, with a stand-in
        link that is then swapped for each reader's own.
        """
        language, zone = recipient_language(user), recipient_zone(user)
        key = (
            period,
            since,
            language,
            str(zone),
            composed.item_count,
            composed.shown_count,
            composed.upcoming_more,
            tuple(item.key for item in composed.upcoming),
            tuple(
                (
                    group.cluster.pk if group.cluster else None,
                    group.more,
                    tuple(
                        (section, tuple(item.key for item in items))
                        for section, items in group.sections
                    ),
                )
                for group in composed.groups
            ),
            tuple(
                (key, tuple(item.key for item in items))
                for key, _heading, items in composed.extra_sections
            ),
        )
        if key not in self.emails:
            self.emails[key] = email_render(
                template="digest",
                user=user,
                context={
                    "period": period,
                    "since": since,
                    **self.context(user=user, composed=composed),
                },
                unsubscribe_url=UNSUBSCRIBE_STAND_IN,
            )
        shared = self.emails[key]
        return dataclasses.replace(
            shared,
            text_body=shared.text_body.replace(UNSUBSCRIBE_STAND_IN, unsubscribe_url),
            html_body=shared.html_body.replace(
                escape(UNSUBSCRIBE_STAND_IN), escape(unsubscribe_url)
            ),
            headers={**shared.headers, "List-Unsubscribe": f"<{unsubscribe_url}>"},
        )

    def context(self, *, user, composed: ComposedDigest) -> dict:
        language, zone = recipient_language(user), recipient_zone(user)
        urls = self.page_urls(language)
        with translation.override(language), timezone.override(zone):
            return {
                "item_count": composed.item_count,
                "shown_count": composed.shown_count,
                # The whole email's line only when its own cap left items out; a group's
                # own line covers what the group's cap left out.
                "more_count": (
                    composed.item_count - composed.shown_count
                    if composed.shown_count >= DIGEST_ITEM_LIMIT
                    else 0
                ),
                "notifications_url": urls["notifications"],
                "upcoming_more": composed.upcoming_more,
                "events_url": urls["events"],
                "groups": [
                    {
                        "cluster": group.cluster,
                        "more": group.more,
                        "more_url": (
                            absolute_url(group.cluster.path, language=language)
                            if group.cluster
                            else urls["notifications"]
                        ),
                        "sections": [
                            {
                                "label": SECTION_LABELS[section],
                                "items": self._list("item", items, language, zone),
                            }
                            for section, items in group.sections
                            if items
                        ],
                    }
                    for group in composed.groups
                ],
                "upcoming": self._list("upcoming", composed.upcoming, language, zone),
                "extra_sections": [
                    {"heading": str(heading), "items": self._list("item", items, language, zone)}
                    for _key, heading, items in composed.extra_sections
                ],
            }

    def _list(self, kind, items, language, zone) -> ItemList:
        parts = [self._item(kind, item, language, zone) for item in items]
        # Each part is template output, escaped there; joining them adds nothing unescaped.
        return ItemList(
            html=mark_safe("".join(html for html, _text in parts)),  # noqa: S308
            text="".join(text for _html, text in parts),
        )

    def _item(self, kind, item, language, zone):
        key = (kind, item.key, language, str(zone))
        if key not in self.rendered:
            context = {"item": _item_context(item, language)}
            self.rendered[key] = tuple(
                template.render(context) for template in self.templates[kind]
            )
        return self.rendered[key]


def _item_context(item: ContentItem, language: str) -> dict:
    return {
        "title": item.title,
        "summary": item.summary,
        "url": absolute_url(item.path, language=language),
        "starts_at": item.starts_at,
        "note": item.note,
    }
