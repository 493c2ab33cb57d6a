from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pages import filtered_list_page_render
from core.shared_pages import shared_page

from . import calendars, certificates, selectors, services
from .filters import EventFilter
from .models import Event, RegistrationStatus

PAGE_SIZE = 20


def _event_list(request, *, queryset, is_archive: bool):
    return filtered_list_page_render(
        request,
        "events/event_list.html",
        filterset=EventFilter.for_page(request.GET, queryset=queryset),
        per_page=PAGE_SIZE,
        name="events",
        # 50,000 events with their texts in six languages: the page's 20 are chosen by id from
        # the upcoming events' index (30 -> 5 ms at scale) before their rows are read.
        by_id_first=True,
        is_archive=is_archive,
        breadcrumbs=(
            [(_("Events"), reverse("events:list")), (_("Past events"), "")]
            if is_archive
            else [(_("Events"), "")]
        ),
    )


@shared_page
def event_list(request):
    return _event_list(request, queryset=selectors.event_upcoming_list(), is_archive=False)


def event_past_list(request):
    return _event_list(request, queryset=selectors.event_past_list(), is_archive=True)


def event_detail(request, slug):
    event = selectors.event_detail(slug=slug)
    event_url = request.build_absolute_uri(event.get_absolute_url())
    registration = selectors.registration_for(user=request.user, event=event)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "breadcrumbs": [(_("Events"), reverse("events:list")), (event.title, "")],
            "seats_left": selectors.event_seats_left(event=event),
            "window": selectors.event_registration_window(event=event),
            "registration": registration,
            "holds_place": registration is not None
            and registration.status in services.ACTIVE_STATUSES
            and registration.status != RegistrationStatus.ATTENDED,
            "is_over": event.ends_at < timezone.now(),
            "RegistrationStatus": RegistrationStatus,
            "google_calendar_url": calendars.google_calendar_url(event, url=event_url),
            "outlook_calendar_url": calendars.outlook_calendar_url(event, url=event_url),
        },
    )


def event_ical(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("city"), slug=slug)
    body = calendars.event_ical(event, url=request.build_absolute_uri(event.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def _change_registration(request, slug, *, change, success_message):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    if not request.user.is_authenticated:
        # Back to the event page after signing in: the POST-only URL would answer 405.
        return redirect_to_login(event.get_absolute_url(), settings.LOGIN_URL)
    try:
        registration = change(user=request.user, event=event)
    except services.RegistrationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, success_message(registration))
    return redirect(event)


def _registered_message(registration):
    if registration.status == RegistrationStatus.WAITLISTED:
        return _("The event is full: you are on the waitlist and will get the next free seat.")
    return _("You are registered.")


@require_POST
def event_register(request, slug):
    return _change_registration(
        request, slug, change=services.registration_register, success_message=_registered_message
    )


@require_POST
def event_cancel(request, slug):
    return _change_registration(
        request,
        slug,
        change=services.registration_cancel,
        success_message=lambda registration: _("Your registration is cancelled."),
    )


def series_detail(request, slug):
    series = selectors.series_detail(slug=slug)
    return render(
        request,
        "events/series_detail.html",
        {
            "series": series,
            "progress": certificates.certificate_progress_if_participant(
                user=request.user, series=series
            ),
            "breadcrumbs": [(_("Events"), reverse("events:list")), (series.title, "")],
        },
    )
