"""An opportunity's topics are the clusters' vocabulary: the editor's form offers them under
their cluster and refuses another cluster's, the public list filters by them, the page names
them in the reader's language, and the migration turned the old free tags into them."""

import importlib
import re

import pytest
from django.utils import translation

from clusters.models import Topic
from opportunities.models import Opportunity
from tests.form_data import form_data

pytestmark = pytest.mark.django_db

migration = importlib.import_module("opportunities.migrations.0003_topics_from_the_vocabulary")

EDIT = "/opportunities/drr-fellowship/edit/"


def titles(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(
        r'<h3><a href="/opportunities/[^"]+/">([^<]+)</a></h3>', response.content.decode()
    )


# --- The editor's form ----------------------------------------------------------------------


def test_the_form_offers_the_clusters_topics_first_with_the_chosen_ones_ticked(
    client, cast, topics
):
    cast.fellowship.topics.set([topics.governance])
    client.force_login(cast.staff)

    page = client.get(EDIT).content.decode()

    sent = form_data(page, form_class="editor-form")
    assert sent["topics"] == str(topics.governance.pk)
    # Each cluster's topics under its name, the opportunity's own cluster first.
    assert page.index("<legend>Disaster risk</legend>") < page.index("Risk governance")
    food = page.index("<legend>Food systems</legend>")
    assert page.index("Risk governance") < food
    assert food < page.index(f'name="topics" value="{topics.urban_farming.pk}"')


def test_the_form_names_the_topics_and_clusters_in_the_language_of_the_page(client, cast, topics):
    # The form edits the English original, but an editor reading the portal in Arabic sees
    # the boxes and their cluster's legend in Arabic, as the cluster select beside them.
    topics.early_warning.name_ar = "نظم الإنذار المبكر"
    topics.early_warning.save()
    cast.cluster.name_ar = "الحد من مخاطر الكوارث"
    cast.cluster.save()
    client.force_login(cast.staff)

    page = client.get("/ar" + EDIT).content.decode()

    assert "<legend>الحد من مخاطر الكوارث</legend>" in page
    box = re.search(rf'value="{topics.early_warning.pk}" id="[^"]+"[^>]*>\s*([^<]+)</label>', page)
    assert box and box.group(1).strip() == "نظم الإنذار المبكر"
    # Not translated yet: the English name.
    assert "Risk governance</label>" in page


def test_the_form_submitted_unchanged_keeps_the_topics(client, cast, topics):
    cast.fellowship.topics.set([topics.early_warning, topics.governance])
    client.force_login(cast.staff)

    sent = form_data(client.get(EDIT).content.decode(), form_class="editor-form")
    response = client.post(EDIT, sent)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(cast.fellowship.topics.all()) == {topics.early_warning, topics.governance}


def test_the_form_changes_the_topics(client, cast, topics):
    cast.fellowship.topics.set([topics.governance])
    client.force_login(cast.staff)
    sent = form_data(client.get(EDIT).content.decode(), form_class="editor-form")
    sent["topics"] = [str(topics.early_warning.pk)]

    response = client.post(EDIT, sent)

    assert response.status_code == 302
    assert list(cast.fellowship.topics.all()) == [topics.early_warning]


def test_the_form_refuses_another_clusters_topic_and_says_why(client, cast, topics):
    cast.fellowship.topics.set([topics.governance])
    client.force_login(cast.staff)
    sent = form_data(client.get(EDIT).content.decode(), form_class="editor-form")
    sent["topics"] = [str(topics.governance.pk), str(topics.urban_farming.pk)]

    response = client.post(EDIT, sent)

    assert response.status_code == 400
    assert "Urban farming: not a topic of the Disaster risk cluster." in response.content.decode()
    assert list(cast.fellowship.topics.all()) == [topics.governance]


def test_the_refusal_of_another_clusters_topic_reads_in_the_language_of_the_page(
    client, cast, topics
):
    topics.urban_farming.name_ar = "الزراعة الحضرية"
    topics.urban_farming.save()
    cast.cluster.name_ar = "الحد من مخاطر الكوارث"
    cast.cluster.save()
    client.force_login(cast.staff)
    sent = form_data(client.get("/ar" + EDIT).content.decode(), form_class="editor-form")
    sent["topics"] = [str(topics.urban_farming.pk)]

    response = client.post("/ar" + EDIT, sent)

    html = response.content.decode()
    assert response.status_code == 400
    assert "الزراعة الحضرية: ليس من مواضيع مجموعة الحد من مخاطر الكوارث." in html
    assert "not a topic of the" not in html


# --- The public list and the page -----------------------------------------------------------


def test_the_list_filters_by_topic(client, cast, topics):
    cast.fellowship.topics.set([topics.governance])
    cast.closed.topics.set([topics.early_warning, topics.governance])

    page = client.get("/opportunities/").content.decode()
    assert '<select name="topic"' in page
    assert titles(client.get("/opportunities/?topic=ow-early-warning")) == [
        "Early warning expert exchange"
    ]
    assert titles(client.get("/opportunities/?topic=ow-risk-governance")) == [
        "Disaster risk governance fellowship",
        "Early warning expert exchange",
    ]


def test_the_lists_topic_filter_groups_the_topics_under_their_cluster(client, cast, topics):
    page = client.get("/opportunities/").content.decode()

    select = re.search(r'<select name="topic".*?</select>', page, re.S).group(0)
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
    named = {label: re.findall(r">([^<]+)</option>", options) for label, options in groups}
    assert named["Disaster risk"] == ["Early warning systems", "Risk governance"]
    assert named["Food systems"] == ["Urban farming"]
    assert '<option value="" selected>Any topic</option>' in select


def test_an_unknown_topic_on_the_list_is_an_error_next_to_the_field(client, cast, topics):
    response = client.get("/opportunities/?topic=gardening")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Some filters could not be used" in html
    assert 'id="id_topic_error"' in html or 'id="id_topic-error"' in html


def test_the_page_names_the_topics_in_the_readers_language(client, cast, topics):
    topics.early_warning.name_fr = "Systèmes d'alerte précoce"
    topics.early_warning.save()
    cast.fellowship.topics.set([topics.early_warning, topics.governance])

    english = client.get("/opportunities/drr-fellowship/").content.decode()
    french = client.get("/fr/opportunities/drr-fellowship/").content.decode()

    assert '<a href="/opportunities/?topic=ow-early-warning">Early warning systems</a>' in english
    assert (
        '<a href="/fr/opportunities/?topic=ow-early-warning">Systèmes d&#x27;alerte précoce</a>'
        in french
    )
    # Not translated yet: the English name, marked as English on the French page.
    assert '<span lang="en" dir="ltr">Risk governance</span>' in french


# --- The migration's mapping ----------------------------------------------------------------

TOPICS = [
    (1, ["Early warning systems", "Early warning systems", "Systèmes d'alerte précoce", None]),
    (2, ["Risk governance", "Risk governance", None, "الحوكمة"]),
    (3, ["Flood modelling", "", None, None]),
]


@pytest.mark.parametrize(
    ("tags", "topic_ids"),
    [
        (["early warning systems"], {1}),  # case does not matter
        (["  Early   Warning Systems "], {1}),  # nor spacing
        (["systèmes d'alerte PRÉCOCE"], {1}),  # any language's name
        (["الحوكمة", "flood modelling"], {2, 3}),
        (["early warning", "warning systems", "floods"], set()),  # only whole names
        ([], set()),
        ([""], set()),  # an empty name matches no empty column
    ],
)
def test_the_migration_maps_tags_to_topics_by_name_in_any_language(tags, topic_ids):
    assert migration.topics_for_tags(tags, TOPICS) == topic_ids


def test_the_migration_takes_the_topics_of_the_opportunitys_cluster_only(cast, topics):
    """Run against today's tables: a tag naming a topic of another cluster is dropped."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag, TaggedItem

    content_type = ContentType.objects.get_for_model(Opportunity)
    for name in ("EARLY WARNING SYSTEMS", "urban farming", "gardening"):
        TaggedItem.objects.create(
            tag=Tag.objects.create(name=name, slug=name.replace(" ", "-").lower()),
            content_type=content_type,
            object_id=cast.fellowship.pk,
        )

    migration.tags_to_topics(apps, None)

    assert list(cast.fellowship.topics.all()) == [topics.early_warning]
    assert not TaggedItem.objects.filter(content_type=content_type).exists()


def test_topic_names_in_the_migration_are_the_models_columns():
    with translation.override("en"):
        columns = {field.name for field in Topic._meta.fields if field.name.startswith("name")}
    assert set(migration.NAME_COLUMNS) == columns
