"""What every list's filters share: one FilterSet per entity serves its page and its API endpoint.

The API reads a FilterSet's filters as query parameters (documented from `help_text`, a bad
value is a JSON 400); the list page renders the same filters as a form (with `label` and
`empty_label`, a bad value is a form error next to the field). The page shows a few of them as
controls (`page_fields`); any other filter a link uses still applies there and appears as a
control, so a visitor sees why the list is narrowed and can clear it.
"""

import copy
import datetime as dt
import unicodedata

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import IsoDateTimeField

from .models import PublicationStatus


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, turned to UTC before it reaches the database.

    Python accepts UTC offsets up to ±23:59 but PostgreSQL only up to ±15:59; a client sending
    `-17:41` must get the same answer as for the equivalent UTC time, not a server error.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value is None or timezone.is_naive(value):
            return value
        try:
            return value.astimezone(dt.UTC)
        except OverflowError:
            raise ValidationError(
                _("Enter a date and time within the supported range."), code="invalid"
            ) from None


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


def typed_text(value, *, max_length: int = 200) -> str:
    """What a visitor typed into a box or a search, made safe to hand to the database.

    PostgreSQL refuses NUL bytes in text, and the other control and invisible format characters
    only add noise, so they become spaces; each run of spaces becomes one, the ends are trimmed,
    and the length is capped so that a pasted essay cannot make a slow query. "" when nothing
    is left.
    """
    if not value:
        return ""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in str(value)
    )
    return " ".join(text.split())[:max_length].strip()


class SuggestionBox(forms.TextInput):
    """A text box for a choice among many rows (a city, a partner), with the list its
    suggestions fill as one types (`static/js/suggestions.js`) and the script that fills it.

    `url` answers `?q=` with `{key: [{"slug", "label"}, ...]}`. Each suggestion's value is the
    row's slug; without JavaScript the field behind the box takes a typed name itself. The
    list is named after the field, so two boxes on one page keep their own suggestions.
    """

    template_name = "forms/widgets/suggestion_box.html"

    def __init__(self, *, url, key: str):
        # `url` may be lazy: reversed as the page renders, so in the page's language.
        super().__init__(attrs={"data-suggestions": url, "data-suggestions-key": key})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["attrs"] = {"list": f"{name}-options", **widget["attrs"], "autocomplete": "off"}
        return context


class LinkedChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice among rows an item links to, kept as the items whose link matches (`pk IN
    (subquery)`) rather than the items joined to their links and de-duplicated (`DISTINCT`):
    de-duplicating whole rows took 0.2 s for the 28,000 resources of one cluster, and counting
    them 0.9 s. An item linked to the choice twice still shows once. A path with no to-many
    step (a foreign key: one row per item) filters directly, as `distinct=False` does."""

    def filter(self, qs, value):
        if not self.distinct or value in EMPTY_VALUES or value == self.null_value:
            return super().filter(qs, value)
        if not self._crosses_to_many(qs.model):
            # A foreign key (an event's city, a pilot's programme): one row per item already.
            return self.get_method(qs)(**{f"{self.field_name}__{self.lookup_expr}": value})
        return self.get_method(qs)(pk__in=self._linked_ids(qs.model, value))

    def _crosses_to_many(self, model) -> bool:
        for name in self.field_name.split("__"):
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                return True  # not a path this can read: the subquery is right whatever it is
            if field.many_to_many or field.one_to_many:
                return True
            if not field.is_relation:
                return False
            model = field.related_model
        return False

    def _linked_ids(self, model, value):
        lookup = f"{self.field_name}__{self.lookup_expr}"
        if "__" not in self.field_name:
            field = model._meta.get_field(self.field_name)
            if field.many_to_many and not field.auto_created:
                # The link table alone: the items' own table joined again cost a scan of it.
                links = field.remote_field.through._base_manager
                target = f"{field.m2m_reverse_field_name()}__{self.lookup_expr}"
                return links.filter(**{target: value}).values(field.m2m_field_name())
        return model._base_manager.filter(**{lookup: value}).values("pk")


def slug_filter(
    label,
    *,
    queryset,
    empty_label,
    help_text="",
    field_name=None,
    distinct=True,
    filter_class=LinkedChoiceFilter,
):
    """A choice among rows named by their slug: the page lists their names, the API takes a slug."""
    return filter_class(
        label=label,
        field_name=field_name,
        to_field_name="slug",
        queryset=queryset,
        distinct=distinct,
        empty_label=empty_label,
        help_text=help_text,
    )


def publication_status_filter():
    return django_filters.ChoiceFilter(
        label=_("Publication"),
        choices=PublicationStatus.choices,
        empty_label=_("Any publication status"),
        help_text="Drafts are only visible to UN staff.",
    )


def date_range_filters(*, field_name, labels, filter_class=django_filters.DateFilter, help_text):
    """`<x>_after` and `<x>_before`: the two ends of a date range, each inclusive."""
    after_label, before_label = labels
    return tuple(
        filter_class(label=label, field_name=field_name, lookup_expr=lookup, help_text=help_text)
        for label, lookup in ((after_label, "gte"), (before_label, "lte"))
    )


def tags_filter(*, label=None, help_text="Comma-separated tag slugs; any of them matches."):
    return django_filters.CharFilter(
        label=label or _("Tags"), method=filter_by_tag_slugs, help_text=help_text
    )


def filter_by_tag_slugs(queryset, name, value):
    slugs = [slug.strip() for slug in value.split(",") if slug.strip()]
    if not slugs:
        return queryset
    return queryset.filter(tags__slug__in=slugs).distinct()


class _StrictBooleanField(forms.NullBooleanField):
    # A text box, not the select widget that maps any unknown word to "no filter".
    widget = forms.TextInput

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in (True, "true", "True"):
            return True
        if value in (False, "false", "False"):
            return False
        raise forms.ValidationError(_("Use true or false."), code="invalid")

    def validate(self, value):
        pass


class StrictBooleanFilter(django_filters.BooleanFilter):
    """`true` or `false`; anything else is a 400 instead of being read as "no filter"."""

    field_class = _StrictBooleanField


class SlugOrNameField(django_filters.fields.ModelChoiceField):
    """A row named by its slug (links, the API) or, typed in a `SuggestionBox`, by a name that
    one row alone bears. A value that is a slug is read as that slug; a name is matched in any
    case. Each kind of row says which names count (`named`) and words its two refusals."""

    unknown_message: str  # "No city is called %(name)s."
    ambiguous_message: str  # "Several cities are called %(name)s: choose one from ..."

    def named(self, name: str) -> Q:
        raise NotImplementedError

    def to_python(self, value):
        value = "" if value in self.empty_values else typed_text(value)
        if not value:
            return None
        found = self.queryset.filter(slug=value).first()
        if found is not None:
            return found
        named = list(self.queryset.filter(self.named(value))[:2])
        if len(named) == 1:
            return named[0]
        params = {"name": value}
        if named:
            raise ValidationError(self.ambiguous_message, code="ambiguous", params=params)
        raise ValidationError(self.unknown_message, code="invalid_choice", params=params)


class _NoEmptyTypedValueForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            # Text may be empty on purpose; a slug, choice, date or number given as "" is a
            # client's mistake (`?city=` from an unset variable), not a wish to see everything.
            if isinstance(field, forms.CharField) or name not in self.data:
                continue
            # Spaces or control characters alone are as empty: a box reads what was typed
            # through `typed_text`, which leaves nothing of them.
            if not typed_text(self.data.get(name)) and name not in self.errors:
                self.add_error(name, _("Give a value, or leave the parameter out."))
        return cleaned_data


class _FiltersCopiedPerInstance(dict):
    """A filter set's filters (`base_filters`), which each instance deep-copies to set its own
    model, parent and page options on.

    The filters are copied, each with its own field arguments (`extra`, which
    `change_page_filter` updates), but not the arguments' labels, choices and widgets, which
    nothing changes in place and which a form field copies in turn. Copying them, their lazy
    translations among them, was most of the cost of a list page's filters: 0.9 of the events
    page's 1.4 ms. A queryset is still copied: one evaluated in place would keep its rows.
    """

    def __deepcopy__(self, memo):
        for filter_ in self.values():
            for value in filter_.extra.values():
                if not isinstance(value, QuerySet):
                    memo[id(value)] = value  # deepcopy's record of what it copied: kept as is
        return {name: copy.deepcopy(filter_, memo) for name, filter_ in self.items()}


class ListFilterSet(django_filters.FilterSet):
    """The filters of one entity's lists, for its page (`for_page`) and its API endpoint.

    Strict in both places: a slug that names nothing, an unknown choice or a malformed date is
    an error, never a silently unfiltered list.
    """

    #: The controls the list page shows, in this order (page names).
    page_fields: tuple[str, ...] = ()
    #: Filters that the page (and links to it) call by another name: {API name: page name}.
    #: The page also accepts the API name. Where a page name is an API filter's name too, that
    #: API filter is left off the page.
    page_names: dict[str, str] = {}
    #: True when bound to a page's query string, False for the API.
    on_page = False

    @classmethod
    def get_fields(cls):
        # The filters are those declared on the class, in their order (the order the API
        # documents); none is generated from the model's fields, so `Meta` names only the model.
        return {}

    @classmethod
    def get_filters(cls):
        return _FiltersCopiedPerInstance(super().get_filters())

    def get_form_class(self):
        form_class = super().get_form_class()
        return type(form_class.__name__, (_NoEmptyTypedValueForm, form_class), {})

    @classmethod
    def for_page(cls, query: QueryDict, *, queryset, without=()):
        """The filter set of a list page, bound to its query string (`request.GET`).

        `without` names filters this page does not offer at all (the news page has no kind).
        """
        data = cls._page_query(query)
        filterset = cls(data or None, queryset=queryset)
        filterset.on_page = True
        taken_on_page = set(cls.page_names.values()) - set(cls.page_names)
        offered = {
            cls.page_names.get(name, name): filter_
            for name, filter_ in filterset.filters.items()
            if name not in without and name not in taken_on_page
        }
        shown = [name for name in cls.page_fields if name in offered]
        shown += [name for name in offered if name not in shown and name in data]
        filterset.filters = {name: offered[name] for name in shown}
        for name in shown:
            # help_text documents the API parameter; the page has its label and its options.
            filterset.change_page_filter(name, help_text="")
        filterset.prepare_page()
        return filterset

    @classmethod
    def _page_query(cls, query: QueryDict) -> QueryDict:
        data = QueryDict(mutable=True)
        for key, values in query.lists():
            # The page's own form sends "" for "Any cluster", and a box left blank or holding
            # nothing `typed_text` keeps: no filter, not a mistake.
            if given := [value for value in values if typed_text(value)]:
                data.setlist(key, given)
        for api_name, page_name in cls.page_names.items():
            if api_name in data:
                alias_values = data.pop(api_name)
                if page_name not in data:
                    data.setlist(page_name, alias_values)
        return data

    def prepare_page(self):
        """Narrow what the page offers (only active clusters...); the API takes every value."""

    def change_page_filter(self, name, *, queryset=None, **field_arguments):
        """Give a page filter other options or a hint; nothing happens if the page lacks it."""
        filter_ = self.filters.get(name)
        if filter_ is None:
            return
        if queryset is not None:
            filter_.queryset = queryset
        filter_.extra.update(field_arguments)
        # A form field built before (the API schema builds them) would keep the old options.
        vars(filter_).pop("_field", None)
