"""The editorial pages of events and training series, declared (core.content_editor)."""

from django.utils.translation import gettext_lazy

from core.content_editor import ContentEditor, FormsetSpec

from . import services
from .forms import EventCoHostFormSet, EventForm, TrainingSeriesForm
from .models import Event, TrainingSeries


class EventEditor(ContentEditor):
    model = Event
    namespace = "events"
    form_class = EventForm
    formsets = (
        FormsetSpec(
            EventCoHostFormSet,
            prefix="cohosts",
            legend=gettext_lazy("Co-hosts and their roles"),
        ),
    )
    new_heading = gettext_lazy("New event")
    create_service = staticmethod(services.event_create)
    update_service = staticmethod(services.event_update)
    update_object_name = "event"
    publish_service = staticmethod(services.event_publish)
    unpublish_service = staticmethod(services.event_unpublish)


class TrainingSeriesEditor(ContentEditor):
    model = TrainingSeries
    namespace = "events"
    name_prefix = "series-"
    object_path = "series/<slug:slug>/"
    new_path = "series/new/"
    form_class = TrainingSeriesForm
    new_heading = gettext_lazy("New training series")
    create_service = staticmethod(services.series_create)
    update_service = staticmethod(services.series_update)
    update_object_name = "series"
    publish_service = staticmethod(services.series_publish)
    unpublish_service = staticmethod(services.series_unpublish)


EVENT_EDITOR = EventEditor()
SERIES_EDITOR = TrainingSeriesEditor()
