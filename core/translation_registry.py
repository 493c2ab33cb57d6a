"""Register a content model's translated fields, then its history (used by each translation.py).

The history model copies the columns the model has when it is built, so it is built after
django-modeltranslation has added the per-language ones: `name_fr` changes show in the history
page like any other field, which tells the editors which language changed.
"""

import warnings

import simple_history
from django.db import migrations
from django.db.models import F
from django.utils.module_loading import import_string
from modeltranslation.fields import TranslationField
from modeltranslation.translator import TranslationOptions, translator
from simple_history.models import HistoricalRecords


class TranslatedHistoricalRecords(HistoricalRecords):
    """History of a model with per-language columns: each is copied as the plain field it is
    (a history row repeats values, so a unique name is only indexed there, as simple_history
    does for the model's own fields)."""

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if isinstance(field, TranslationField):
                _name, path, args, kwargs = field.deconstruct()
                if kwargs.pop("unique", False):
                    kwargs["db_index"] = True
                fields[name] = import_string(path)(*args, **kwargs)
        return fields


def translatable_register(
    model, fields: tuple[str, ...], *, history_table: str | None = None, history: bool = True
):
    options = type(f"{model.__name__}TranslationOptions", (TranslationOptions,), {"fields": fields})
    with warnings.catch_warnings():
        # An index over a translated field gets one copy per language, under a regenerated name
        # (Django's own, stable); the library says so for each one.
        warnings.filterwarnings("ignore", message="Index name .* exceeds 30 characters")
        translator.register(model, options)
    if history:
        simple_history.register(
            model, records_class=TranslatedHistoricalRecords, table_name=history_table
        )


def english_columns_filled(app_label: str, fields_by_model: dict[str, tuple[str, ...]]):
    """A migration operation: the English column of each translated field gets the text its base
    column holds (all content before translation was English), history rows included."""

    def forward(apps, schema_editor):
        for model_name, fields in fields_by_model.items():
            for name in (model_name, f"historical{model_name}"):
                try:
                    model = apps.get_model(app_label, name)
                except LookupError:  # a type without history
                    continue
                model._base_manager.update(**{f"{field}_en": F(field) for field in fields})
                for field in fields:  # nothing written is NULL (core.content_language)
                    model._base_manager.filter(**{f"{field}_en": ""}).update(
                        **{f"{field}_en": None}
                    )

    return migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)
