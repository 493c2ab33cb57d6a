"""One form design for every form of the portal, public and editorial.

Django renders every form through this renderer (settings.FORM_RENDERER), so `{{ form }}` gives
the same markup everywhere: the label above its field, the hint under the label, the error
beside the field and tied to it (`aria-invalid`, `aria-describedby`), "(optional)" on what may
be left empty. A page puts one error summary at its top (templates/forms/error_summary.html)
linking to each field with a problem, the GOV.UK pattern.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

# A select with more choices than this gets a search box (static/js/forms.js, Tom Select).
SEARCHABLE_FROM = 15


class PortalBoundField(BoundField):
    @property
    def data(self):
        # A browser sends a textarea's line breaks as CRLF, whatever the text held (HTML's form
        # submission rules), while the portal stores LF. Read as sent, a text saved unchanged
        # counted as changed and was rewritten with CRLF, a revision in its history each time.
        # Cleaning and has_changed() both read the data through here, in every form (admin too).
        data = super().data
        if isinstance(data, str):
            return data.replace("\r\n", "\n")
        return data

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if _is_long_select(self.field, widget):
            # Progressive enhancement: without JavaScript it stays a plain select.
            attrs.setdefault("data-searchable", "")
        if isinstance(widget, forms.Textarea) or getattr(widget, "input_type", "") == "text":
            # English text typed on the Arabic interface (or the reverse) reads the right way.
            attrs.setdefault("dir", "auto")
        return attrs


def _is_long_select(field, widget) -> bool:
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect | forms.HiddenInput):
        return False
    if isinstance(widget, forms.SelectMultiple):
        return True  # no more Ctrl-click
    if not isinstance(widget, forms.Select):
        return False
    if isinstance(field, forms.ModelChoiceField):
        return True  # cities, organizations, programmes: lists that grow
    # Choices may be lazy (a callable, a blank-choice iterator): count without keeping them.
    return sum(1 for _choice in getattr(field, "choices", ())) > SEARCHABLE_FROM


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = PortalBoundField


class LongTextField(forms.CharField):
    """Free text checked for its length when it is sent, not cut by the browser: a textarea's
    `maxlength` drops the end of a pasted text without a word. A text too long is refused with
    its length and the limit, and kept in the box to shorten."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


def text_field(label, *, max_length: int, rows: int, required: bool = False, **kwargs):
    """A few lines of free text (a note, a reason, a message): optional unless said, and no
    longer than `max_length`."""
    return LongTextField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


def slug_choice_field(label, *, queryset, **kwargs):
    """An optional choice among rows, posted (or linked to) by the row's slug, as the list
    pages' filters take them (core.filters.slug_filter)."""
    return forms.ModelChoiceField(
        label=label, queryset=queryset, required=False, to_field_name="slug", **kwargs
    )


def filter_choice_field(label, choices, *, any_label):
    """An optional choice of a filter form: first "" (`any_label`, no filter), then `choices`."""
    return forms.ChoiceField(label=label, choices=[("", any_label), *choices], required=False)


VANISHED_ROW_MESSAGE = _(
    "A row of this form is no longer there: someone may have removed it since you opened the "
    "page. Open the page again to see the rows as they are now; what you typed is still below "
    "to copy."
)


def all_errors(*forms_and_formsets) -> list[tuple[str, str]]:
    """(anchor, message) for every error of these forms and formsets' rows, in page order."""
    found = []
    # The reader's colon ("Fuseau horaire : …", a full-width one in Chinese); a label that asks
    # a question loses its "?" rather than reading "faire ? : …".
    colon = pgettext("between a label and what follows it", ": ")
    for item in forms_and_formsets:
        if item is None or not item.is_bound:
            continue
        rows = item.forms if hasattr(item, "forms") else [item]
        if hasattr(item, "non_form_errors"):
            found += [("", str(error)) for error in item.non_form_errors()]
        for form in rows:
            found += [("", str(error)) for error in form.non_field_errors()]
            for field in form:
                if field.is_hidden:
                    # A row's hidden id that names no row of the item: someone removed the row
                    # after this page was loaded (or the page was tampered with). Said once per
                    # row, in words, where Django's "Select a valid choice" had no place to go.
                    if field.errors:
                        found.append(("", str(VANISHED_ROW_MESSAGE)))
                    continue
                # A question's mark gives way to the colon: Latin, Arabic (U+061F) and full-width.
                label = str(field.label).rstrip(" ?:\u061f\uff1f\uff1a")
                found += [
                    (f"#{field.id_for_label or field.auto_id}", f"{label}{colon}{error}")
                    for error in field.errors
                ]
    return found
