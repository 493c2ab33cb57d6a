"""Which fields of events and training series are written in every language."""

from core.translation_registry import translatable_register

from .models import Event, TrainingSeries

translatable_register(TrainingSeries, ("title", "summary", "description", "final_requirement"))
translatable_register(Event, ("title", "summary", "description"))
