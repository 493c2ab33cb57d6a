"""Staff pages of an event's registrations: the list, the CSV export, attendance, statistics."""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.roles import is_editor

from . import certificates, services, stats
from .forms import FinalRequirementMarkForm
from .models import Event, Registration, RegistrationStatus, TrainingSeries

# A cell starting with one of these is a formula to Excel or LibreOffice; \t and \r too, since
# some spreadsheets strip them before looking.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def staff_only(view):
    """Anonymous visitors sign in first; signed-in people who are not UN staff get 403."""

    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def spreadsheet_safe(value) -> str:
    """Text a spreadsheet shows as typed: a leading quote keeps formulas from running."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def _registrations(event):
    return (
        Registration.objects.filter(event=event)
        .select_related("user__organization", "user__city")
        .order_by("created_at", "pk")
    )


def _staff_crumbs(subject, label):
    """A staff page about an event or series: its public page is linked once published."""
    return [
        (_("Events"), reverse("events:list")),
        (subject.title, subject.get_absolute_url() if subject.is_published else ""),
        (label, ""),
    ]


def _country(user) -> str:
    if user.city_id and user.city.country:
        return user.city.country.name
    if user.organization_id and user.organization.country:
        return user.organization.country.name
    return ""


@staff_only
def event_registrations(request, slug):
    event = get_object_or_404(Event, slug=slug)
    registrations = list(_registrations(event))
    for registration in registrations:
        registration.country_name = _country(registration.user)
    return render(
        request,
        "events/registrations_list.html",
        {
            "event": event,
            "registrations": registrations,
            "has_started": event.starts_at <= timezone.now(),
            "RegistrationStatus": RegistrationStatus,
            "breadcrumbs": _staff_crumbs(event, _("Registrations")),
        },
    )


@staff_only
def event_registrations_csv(request, slug):
    event = get_object_or_404(Event, slug=slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrations.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Organization"),
            _("City"),
            _("Country"),
            _("Status"),
            _("Registered at"),
        ]
    )
    for registration in _registrations(event):
        user = registration.user
        writer.writerow(
            spreadsheet_safe(cell)
            for cell in (
                user.name,
                user.email,
                user.organization.name if user.organization_id else "",
                user.city.name if user.city_id else "",
                _country(user),
                registration.get_status_display(),
                registration.created_at.isoformat(timespec="seconds"),
            )
        )
    return response


@require_POST
@staff_only
def registration_attendance(request, slug, pk):
    registration = get_object_or_404(Registration, pk=pk, event__slug=slug)
    attended = request.POST.get("attended") == "1"
    try:
        registration, certificate = services.registration_mark_attendance(
            registration=registration, attended=attended
        )
    except services.RegistrationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        who = registration.user.get_full_name()
        if attended:
            messages.success(request, _("%(name)s attended.") % {"name": who})
        else:
            messages.success(
                request, _("%(name)s is no longer marked as attended.") % {"name": who}
            )
        if certificate is not None:
            messages.success(
                request,
                _("%(name)s completed the series: their certificate is issued.") % {"name": who},
            )
    return redirect("event_staff:registrations", slug=slug)


def _stats_page(request, *, subject, participation, csv_url_name: str, **context):
    """The participation page of an event or a series: its charts, each with its CSV."""
    charts = participation.charts()
    for chart in charts:
        chart.csv_url = reverse(csv_url_name, kwargs={"slug": subject.slug, "chart": chart.slug})
    return render(
        request,
        "events/stats_page.html",
        {
            "subject": subject,
            "participation": participation,
            "charts": charts,
            "breadcrumbs": _staff_crumbs(subject, _("Participation")),
            **context,
        },
    )


def _chart_csv(participation, *, chart: str, subject_slug: str):
    found = {c.slug: c for c in participation.charts()}.get(chart)
    if found is None:
        raise Http404(_("There is no such chart."))
    return found.csv_response(filename=f"{subject_slug}-{found.slug}.csv")


@staff_only
def event_statistics(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return _stats_page(
        request,
        subject=event,
        participation=stats.event_participation(event=event),
        csv_url_name="event_staff:statistics-csv",
    )


@staff_only
def series_statistics(request, slug):
    series = get_object_or_404(TrainingSeries, slug=slug)
    return _stats_page(
        request,
        subject=series,
        participation=stats.series_participation(series=series),
        csv_url_name="event_staff:series-statistics-csv",
        is_series=True,
        participants=stats.series_participants(series=series),
        sessions_required=certificates.certificate_sessions_required(series=series),
    )


@staff_only
def event_statistics_csv(request, slug, chart):
    event = get_object_or_404(Event, slug=slug)
    return _chart_csv(stats.event_participation(event=event), chart=chart, subject_slug=slug)


@staff_only
def series_statistics_csv(request, slug, chart):
    series = get_object_or_404(TrainingSeries, slug=slug)
    return _chart_csv(stats.series_participation(series=series), chart=chart, subject_slug=slug)


@require_POST
@staff_only
def series_final_requirement(request, slug):
    series = get_object_or_404(TrainingSeries, slug=slug)
    back = redirect(
        reverse("event_staff:series-statistics", kwargs={"slug": slug}) + "#participants"
    )
    form = FinalRequirementMarkForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return back
    user, completed = form.cleaned_data["user"], form.cleaned_data["completed"]
    who = user.get_full_name()
    try:
        _completion, certificate = services.final_requirement_mark(
            series=series,
            user=user,
            completed=completed,
            recorded_by=request.user,
            note=form.cleaned_data["note"],
        )
    except services.FinalRequirementRefused as refusal:
        messages.error(request, str(refusal))
        return back
    if completed:
        messages.success(request, _("%(name)s met the end-of-course requirement.") % {"name": who})
    else:
        messages.success(
            request,
            _(
                "%(name)s is no longer marked as having met the end-of-course requirement. "
                "A certificate already issued stays valid."
            )
            % {"name": who},
        )
    if certificate is not None:
        messages.success(
            request,
            _("%(name)s completed the series: their certificate is issued.") % {"name": who},
        )
    return back
