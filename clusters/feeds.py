"""Machine-readable views of a cluster: an Atom feed of what is new and an iCalendar of its events."""

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from . import selectors


class ClusterFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return selectors.cluster_get(slug=slug)

    def title(self, cluster):
        return _("%(cluster)s · %(site)s") % {"cluster": cluster.name, "site": settings.SITE_NAME}

    def subtitle(self, cluster):
        return cluster.summary

    def link(self, cluster):
        return cluster.get_absolute_url()

    def items(self, cluster):
        return selectors.cluster_feed_items(cluster=cluster)

    def item_title(self, item):
        return getattr(item, "title", str(item))

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        # Stable across slug edits and unique across the three kinds of item.
        return f"tag:{settings.SITE_NAME.replace(' ', '-').lower()},{item.created_at:%Y-%m-%d}:{item._meta.label_lower}/{item.pk}"

    item_guid_is_permalink = False


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def cluster_calendar(*, cluster, events, build_absolute_uri, uid_domain: str) -> bytes:
    """One VEVENT per published event; times in UTC so every calendar app agrees."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Cluster events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", cluster.name)
    stamp = _utc(timezone.now())
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{uid_domain}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", _utc(event.starts_at))
        entry.add("dtend", _utc(event.ends_at))
        entry.add("summary", event.title)
        url = build_absolute_uri(event.get_absolute_url())
        entry.add("url", url)
        if event.summary:
            entry.add("description", f"{event.summary}\n\n{url}")
        else:
            entry.add("description", url)
        location = ", ".join(
            part for part in (event.venue, event.city.name if event.city else "") if part
        )
        if location:
            entry.add("location", location)
        elif event.online_url:
            entry.add("location", event.online_url)
        calendar.add_component(entry)
    return calendar.to_ical()
