"""Every label of the editorial forms is translated: none falls back to an English field name.

A ForeignKey or ManyToManyField without a verbose_name gets its label from the field's name
("city", "clusters"), which no catalogue can translate; the forms give such fields a label.
"""

import pytest
from django.utils import translation

from clusters.forms import ClusterForm
from core.editor import registered_editors
from resources.forms import ResourceForm, ResourceProposalForm

pytestmark = pytest.mark.django_db


def editorial_forms():
    """(name, form) for every editor's form and every row form of its lists."""
    forms = [("ResourceForm", ResourceForm()), ("ResourceProposalForm", ResourceProposalForm())]
    for editor in registered_editors():
        if editor.form_class is not None:
            forms.append((editor.form_class.__name__, editor.form_class()))
        for spec in editor.formsets:
            formset = spec.formset_class(prefix=spec.prefix, instance=editor.model())
            forms.append((f"{editor.model.__name__} {spec.prefix}", formset.empty_form))
    return forms


def visible_labels(code):
    with translation.override(code):
        return {
            (name, field): str(form[field].label)
            for name, form in editorial_forms()
            for field in form.fields
            if not form[field].is_hidden
        }


@pytest.mark.parametrize("code", ["zh-hans", "ru"])
def test_every_editorial_form_label_is_translated(code):
    english = visible_labels("en")
    translated = visible_labels(code)

    assert len(english) > 80
    left_in_english = {key: label for key, label in translated.items() if label == english[key]}
    assert left_in_english == {}


def test_the_sustainable_development_goals_are_listed_in_the_reader_language():
    with translation.override("ru"):
        choices = [str(label) for _number, label in ClusterForm().fields["sdgs"].choices]

    assert choices[0] == "1. Ликвидация нищеты"
    assert choices[16] == "17. Партнёрство в интересах устойчивого развития"
