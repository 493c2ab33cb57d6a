"""Add-to-calendar: an iCalendar file and links that open Google Calendar or Outlook on the web."""

import datetime as dt
import zoneinfo
from urllib.parse import quote, urlencode

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from core.time_zones import valid_time_zone

from .models import Event

PRODUCT_ID = "-//South-South Cities Clusters//Events//EN"
UID_DOMAIN = "cities-clusters"
# What a calendar file is sent as; METHOD:PUBLISH inside the file says the same.
ICAL_CONTENT_TYPE = "text/calendar; method=PUBLISH; charset=utf-8"
GOOGLE_CALENDAR_URL = "https://calendar.google.com/calendar/render"
OUTLOOK_CALENDAR_URL = "https://outlook.live.com/calendar/0/deeplink/compose"


def event_uid(event: Event) -> str:
    # Stable across downloads so a calendar app updates the entry instead of adding a copy.
    return f"{event.slug}@{UID_DOMAIN}"


def event_location(event: Event) -> str:
    place = ", ".join(part for part in (event.venue, event.city.name if event.city else "") if part)
    return place or event.online_url


def event_description(event: Event, *, url: str) -> str:
    online = event.online_url and _("Online: %(url)s") % {"url": event.online_url}
    parts = [event.summary, online, url]
    return "\n\n".join(part for part in parts if part)


def _event_zone(event: Event) -> dt.tzinfo:
    zone = valid_time_zone(event.time_zone)
    return zoneinfo.ZoneInfo(zone) if zone else dt.UTC


def event_to_vevent(event: Event, *, url: str) -> icalendar.Event:
    zone = _event_zone(event)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", timezone.now().astimezone(dt.UTC))
    # In the event's own zone (with TZID), so the calendar shows the local time people announce.
    vevent.add("dtstart", event.starts_at.astimezone(zone))
    vevent.add("dtend", event.ends_at.astimezone(zone))
    vevent.add("summary", event.title)
    vevent.add("description", event_description(event, url=url))
    vevent.add("url", url)
    location = event_location(event)
    if location:
        vevent.add("location", location)
    if event.updated_at:
        vevent.add("last-modified", event.updated_at.astimezone(dt.UTC))
    return vevent


def events_to_ical(events, *, url_for, name: str = "") -> bytes:
    """An iCalendar document for the given events; `url_for(event)` gives each absolute URL.

    Every calendar the portal serves (event download, registration email, cluster subscription)
    is built here, so one event keeps one UID and a calendar app never shows it twice.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_to_vevent(event, url=url_for(event)))
    # Each TZID used above needs its VTIMEZONE definition for strict clients such as Outlook.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_ical(event: Event, *, url: str) -> str:
    """The .ics text for one event: what the page's download and the registration email carry."""
    return events_to_ical([event], url_for=lambda _event: url).decode()


def _utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _encode(query: dict) -> str:
    # Spaces as %20 rather than "+": Outlook shows a literal "+" in the title otherwise.
    return urlencode({key: value for key, value in query.items() if value}, quote_via=quote)


def google_calendar_url(event: Event, *, url: str) -> str:
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{_utc_stamp(event.starts_at)}/{_utc_stamp(event.ends_at)}",
        "details": event_description(event, url=url),
        "location": event_location(event),
        "ctz": event.time_zone,
    }
    return f"{GOOGLE_CALENDAR_URL}?{_encode(query)}"


def outlook_calendar_url(event: Event, *, url: str) -> str:
    iso_utc = "%Y-%m-%dT%H:%M:%SZ"
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": event.starts_at.astimezone(dt.UTC).strftime(iso_utc),
        "enddt": event.ends_at.astimezone(dt.UTC).strftime(iso_utc),
        "body": event_description(event, url=url),
        "location": event_location(event),
    }
    return f"{OUTLOOK_CALENDAR_URL}?{_encode(query)}"
