"""Tags typed with the comma of the writer's script are separate tags, in every tag field
(settings.TAGGIT_TAGS_FROM_STRING = core.tags.parse_tags)."""

import pytest
from django.urls import reverse
from taggit.forms import TagField
from taggit.utils import _parse_tags, parse_tags

from core.tags import parse_tags as portal_parse_tags
from projects.models import Project
from resources.forms import ResourceProposalForm


@pytest.mark.parametrize(
    ("typed", "tags"),
    [
        # The Arabic comma, as the Arabic help text writes it.
        ("فيضان، زلزال", ["زلزال", "فيضان"]),
        ("فيضان،زلزال", ["زلزال", "فيضان"]),
        # The ideographic and the full-width comma.
        ("洪水、地震", ["地震", "洪水"]),
        ("洪水，地震", ["地震", "洪水"]),
        # Mixed with ",": still commas, so words with spaces stay one tag.
        ("early warning، flood, sea-level rise", ["early warning", "flood", "sea-level rise"]),
    ],
)
def test_it_reads_the_commas_of_other_scripts_as_commas(typed, tags):
    assert portal_parse_tags(typed) == tags


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "flood, earthquake",
        '"flood, coastal", séisme',
        'early warning, "flood, coastal"',
        '"open, quote',
        "  ,, flood ,",
    ],
)
def test_it_reads_everything_else_as_taggit_does(typed):
    assert portal_parse_tags(typed) == _parse_tags(typed)


@pytest.mark.parametrize(
    ("typed", "tags"),
    [
        ("flash flood", ["flash flood"]),
        ("فيضان مفاجئ", ["فيضان مفاجئ"]),
        ("  sea-level rise ", ["sea-level rise"]),
        ('"flash flood" tsunami', ["flash flood", "tsunami"]),
    ],
)
def test_a_text_without_a_comma_is_one_tag(typed, tags):
    # taggit split it on spaces: "flash flood" typed alone became "flash" and "flood".
    assert portal_parse_tags(typed) == tags


def test_a_quoted_name_keeps_its_arabic_comma():
    assert portal_parse_tags('"مدن، قرى", فيضان') == ["فيضان", "مدن، قرى"]


def test_taggit_uses_it_for_every_tag_field():
    # TagField (every form and the admin) and the managers call taggit.utils.parse_tags.
    assert parse_tags("فيضان، زلزال") == ["زلزال", "فيضان"]


def test_a_tag_field_splits_on_them():
    # The field of every tag form: a pilot's and a resource's tags, a city's hazards, the admin.
    assert TagField().clean("洪水、地震") == ["地震", "洪水"]


@pytest.mark.parametrize(
    "names",
    [
        ["水、卫生", "flood"],
        ["early warning", "a، b"],
        ["x，y"],
        ["vague de chaleur"],
        ["vague de chaleur", "incendie", "crue soudaine"],
    ],
)
def test_tags_shown_for_editing_come_back_the_same(names):
    """A form shows the tags with taggit's edit string and reads them back with the parser: a
    name holding one of the other commas is quoted, so a form saved unchanged keeps it whole."""
    from taggit.models import Tag
    from taggit.utils import edit_string_for_tags

    shown = edit_string_for_tags([Tag(name=name) for name in names])

    assert sorted(parse_tags(shown)) == sorted(names)


def test_names_with_a_space_are_shown_without_quotes():
    from taggit.models import Tag
    from taggit.utils import edit_string_for_tags

    assert edit_string_for_tags([Tag(name="vague de chaleur"), Tag(name="incendie")]) == (
        "incendie, vague de chaleur"
    )
    assert edit_string_for_tags([Tag(name="vague de chaleur")]) == "vague de chaleur"


LONG_TAG = "flood " * 20  # 120 characters: longer than a tag's name can be


@pytest.mark.django_db
def test_the_pilot_editor_refuses_a_tag_longer_than_a_tag_can_be(editor_client):
    response = editor_client.post(
        reverse("projects:create"),
        {
            "kind": "pilot",
            "title": "Coastal flood pilot",
            "slug": "",
            "phase": "planned",
            "tags": f"early warning, {LONG_TAG}",
            **{f"{p}-TOTAL_FORMS": "0" for p in ("cities", "partners", "milestones")},
            **{f"{p}-INITIAL_FORMS": "0" for p in ("cities", "partners", "milestones")},
        },
    )

    assert response.status_code == 400
    assert "A tag can be 100 characters long at most" in response.content.decode()
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_a_proposed_resource_with_such_a_tag_is_refused_too():
    form = ResourceProposalForm({"kind": "guide", "title": "Guide", "tags": LONG_TAG})

    assert "A tag can be 100 characters long at most" in str(form.errors["tags"])
