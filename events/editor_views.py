"""Editorial pages for events and training series (UN staff only)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.editor import (
    editor_only,
    form_page,
    formset_rows,
    history_page,
    preview_page,
    publication_action,
    with_legend,
)

from . import services
from .forms import EventCoHostFormSet, EventForm, TrainingSeriesForm
from .models import Event, TrainingSeries


def _event_edit_url(event):
    return reverse("events:edit", kwargs={"slug": event.slug})


def _series_edit_url(series):
    return reverse("events:series-edit", kwargs={"slug": series.slug})


def _event_page(request, event):
    data = request.POST if request.method == "POST" else None
    form = EventForm(data, instance=event)
    formsets = [
        with_legend(
            EventCoHostFormSet(data, instance=event or Event(), prefix="cohosts"),
            _("Co-hosts and their roles"),
        )
    ]

    def save():
        cohosts = formset_rows(formsets[0])
        if event is None:
            return services.event_create(
                actor=request.user, data=form.cleaned_data, cohosts=cohosts
            )
        return services.event_update(
            event=event, actor=request.user, data=form.cleaned_data, cohosts=cohosts
        )

    return form_page(
        request,
        form=form,
        formsets=formsets,
        heading=event.title if event else _("New event"),
        save=save,
        success_url=_event_edit_url,
        context={"obj": event},
    )


@editor_only
def event_create(request):
    return _event_page(request, None)


@editor_only
def event_edit(request, slug):
    return _event_page(request, get_object_or_404(Event, slug=slug))


@editor_only
def event_preview(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return preview_page(request, objs=[event], obj=event)


@require_POST
@editor_only
def event_publish(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return publication_action(
        request,
        obj=event,
        action=services.event_publish,
        done_message=_("Published."),
        next_url=event.get_absolute_url(),
    )


@require_POST
@editor_only
def event_unpublish(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return publication_action(
        request,
        obj=event,
        action=services.event_unpublish,
        done_message=_("Back to draft: the page is hidden from the public."),
        next_url=_event_edit_url(event),
    )


@editor_only
def event_history(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return history_page(request, obj=event, back_url=_event_edit_url(event))


def _series_page(request, series):
    form = TrainingSeriesForm(request.POST if request.method == "POST" else None, instance=series)

    def save():
        if series is None:
            return services.series_create(actor=request.user, data=form.cleaned_data)
        return services.series_update(series=series, actor=request.user, data=form.cleaned_data)

    return form_page(
        request,
        form=form,
        heading=series.title if series else _("New training series"),
        save=save,
        success_url=_series_edit_url,
        context={"obj": series},
    )


@editor_only
def series_create(request):
    return _series_page(request, None)


@editor_only
def series_edit(request, slug):
    return _series_page(request, get_object_or_404(TrainingSeries, slug=slug))


@editor_only
def series_preview(request, slug):
    series = get_object_or_404(TrainingSeries, slug=slug)
    return preview_page(
        request,
        objs=[series],
        obj=series,
    )


@require_POST
@editor_only
def series_publish(request, slug):
    series = get_object_or_404(TrainingSeries, slug=slug)
    return publication_action(
        request,
        obj=series,
        action=services.series_publish,
        done_message=_("Published."),
        next_url=series.get_absolute_url(),
    )


@require_POST
@editor_only
def series_unpublish(request, slug):
    series = get_object_or_404(TrainingSeries, slug=slug)
    return publication_action(
        request,
        obj=series,
        action=services.series_unpublish,
        done_message=_("Back to draft: the page is hidden from the public."),
        next_url=_series_edit_url(series),
    )


@editor_only
def series_history(request, slug):
    series = get_object_or_404(TrainingSeries, slug=slug)
    return history_page(request, obj=series, back_url=_series_edit_url(series))
