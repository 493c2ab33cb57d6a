"""What the list pages' filters were made cheaper by still behaves as Django and django-filter
do: each filter set has filters of its own (core.filters._FiltersCopiedPerInstance), and a
select renders its options exactly as Django's own templates do (templates/django/forms/widgets/
select.html)."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.http import QueryDict

from clusters.models import Cluster
from core.forms import PortalBoundField
from events.filters import EventFilter
from events.models import Event
from projects.filters import ProjectFilter
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_each_filter_set_has_its_own_filters_and_options():
    page = EventFilter.for_page(QueryDict("kind=webinar"), queryset=Event.objects.all())
    api = EventFilter(QueryDict(""), queryset=Event.objects.all())

    for name, base in EventFilter.base_filters.items():
        assert api.filters[name] is not base
        assert api.filters[name].parent is api
        assert api.filters[name].extra is not base.extra
    # The page's hints and options stay on the page: the API's filters keep their help text
    # (which documents each parameter), and the class's filters are left as they were.
    documented = EventFilter.base_filters["language"].extra["help_text"]
    assert documented.startswith("Events held in this language")
    assert page.filters["language"].extra["help_text"] == ""
    assert api.filters["language"].extra["help_text"] == documented
    assert EventFilter.base_filters["language"].extra["help_text"] == documented
    assert page.filters["language"].parent is page


def test_a_filter_by_method_filters_through_its_own_filter_set():
    # A `method=` filter calls its filter set's method: with a copy that still pointed at the
    # class's filter (no filter set), it failed ("must have a parent FilterSet").
    EventFactory(title="Arabic session", languages=["ar"])
    EventFactory(title="English session", languages=["en"])

    filterset = EventFilter(QueryDict("language=ar"), queryset=Event.objects.all())

    assert [event.title for event in filterset.qs] == ["Arabic session"]


def test_a_cluster_added_after_a_filter_set_shows_in_the_next_one():
    # Querysets are copied per filter set: one evaluated in place must not keep its rows.
    first = ProjectFilter.for_page(QueryDict(""), queryset=None)
    before = [label for _value, label in first.form.fields["cluster"].choices]
    Cluster.objects.create(name="Coastal cities", slug="coastal-cities", is_active=True)

    after = ProjectFilter.for_page(QueryDict(""), queryset=None)

    assert "Coastal cities" not in before
    assert "Coastal cities" in [label for _value, label in after.form.fields["cluster"].choices]


class _Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("a", "A & co"), ("b", "B")], initial="b")
    grouped = forms.ChoiceField(
        choices=[("Fruit", [("apple", "Apple"), ("pear", "Pear")]), ("none", "None")],
        required=False,
    )
    several = forms.MultipleChoiceField(
        choices=[(1, "One"), (2, "Two"), (3, "Three")], initial=[1, 3]
    )
    maybe = forms.NullBooleanField()
    with_attrs = forms.ChoiceField(
        choices=[("x", "X")],
        # An attribute's name is escaped as Django's attrs.html escapes it.
        widget=forms.Select(attrs={"disabled": True, "hidden": False, 'data-a"b': "<1>"}),
    )
    numbers_and_markup = forms.ChoiceField(
        choices=[(1, 1000), ("<b>", '"Quoted" <i>label</i>'), ("", "---")], required=False
    )
    own_option_template = forms.ChoiceField(
        choices=[("r", "Radio-like"), ("s", "Second")],
        widget=forms.Select(attrs={"class": "own"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An option with a template of its own renders through it, in the select's context.
        self.fields[
            "own_option_template"
        ].widget.option_template_name = "django/forms/widgets/radio_option.html"


class _DjangosOwnTemplates(DjangoTemplates):
    """Django's own widget templates, with the portal's field attributes (data-searchable...)."""

    bound_field_class = PortalBoundField


@pytest.mark.parametrize("bound", [False, True])
def test_a_select_renders_as_with_django_templates(bound):
    data = {
        "plain": "a",
        "grouped": "pear",
        "several": ["2"],
        "maybe": "true",
        "with_attrs": "x",
        "numbers_and_markup": "<b>",
        "own_option_template": "s",
    }
    form = _Choices(data if bound else None)
    djangos = _Choices(data if bound else None, renderer=_DjangosOwnTemplates())

    # The portal's own select template is the one in use...
    template = form.renderer.get_template("django/forms/widgets/select.html")
    assert "/templates/django/forms/widgets/select.html" in template.origin.name
    assert "site-packages" not in template.origin.name
    # ...and it writes every select as Django's would.
    for name in form.fields:
        assert str(form[name]) == str(djangos[name]), name
    assert "<optgroup" in str(form["grouped"]) and " selected" in str(form["several"])
    assert "&lt;i&gt;" in str(form["numbers_and_markup"])
    assert 'type="' in str(form["own_option_template"])  # radio_option.html was used


def test_a_filter_by_a_foreign_key_filters_directly_and_one_across_a_link_by_its_table():
    from tests.factories import CityFactory

    CityFactory(slug="tripoli")
    by_city = str(EventFilter(QueryDict("city=tripoli"), queryset=Event.objects.all()).qs.query)
    by_cluster = ProjectFilter(
        QueryDict("cluster=drr"), queryset=ProjectFilter._meta.model.objects.all()
    )
    Cluster.objects.create(name="Disaster risk", slug="drr", is_active=True)
    by_cluster = str(by_cluster.qs.query)

    # An event has one city: no DISTINCT and no second pass over the events.
    assert "DISTINCT" not in by_city and "SELECT U0" not in by_city
    # A pilot has many clusters: the pilots whose link matches, from the link table alone.
    assert "DISTINCT" not in by_cluster
    assert 'IN (SELECT U0."project_id"' in by_cluster
    assert 'FROM "projects_project_clusters" U0' in by_cluster
