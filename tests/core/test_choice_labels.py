"""get_<field>_display() reads a label table made once per field and language."""

from django.utils import translation

from core.choice_labels import choice_labels
from events.models import Event, EventFormat, EventKind
from projects.models import ProjectCity, ProjectCityRole


def test_a_label_is_in_the_language_active_when_it_is_asked_for():
    event = Event(kind=EventKind.TRAINING_SESSION, format=EventFormat.ONLINE)

    with translation.override("fr"):
        french = event.get_kind_display(), event.get_format_display()
    with translation.override("ar"):
        arabic = event.get_kind_display()
    with translation.override("en"):
        english = event.get_kind_display()

    assert french == ("Séance de formation", "En ligne")
    assert arabic == "جلسة تدريبية"
    assert english == "Training session"


def test_a_value_without_a_choice_shows_as_it_is():
    assert Event(kind="retired-kind").get_kind_display() == "retired-kind"
    assert Event(kind=None).get_kind_display() is None


def test_the_table_is_made_once_per_field_and_language():
    link = ProjectCity(role=ProjectCityRole.HOST)
    choice_labels.cache_clear()

    with translation.override("es"):
        labels = {link.get_role_display() for _ in range(50)}

    assert labels == {"Ciudad anfitriona"}
    assert choice_labels.cache_info().misses == 1
