"""An opportunity's topics become the clusters' controlled vocabulary instead of free tags.

A tag whose name is the name of a topic of the opportunity's cluster, in any of the six
languages (case and spacing aside), becomes that topic; other tags are dropped with the old
field. Only the opportunity's own cluster is searched: an opportunity takes the topics of its
cluster (the services refuse others), so the migrated rows pass the editor's form unchanged.
Going back turns each topic into a tag of its (English) name.
"""

from django.db import migrations, models
from django.utils.text import slugify

# The topic's name in every language (modeltranslation's columns, clusters 0011), the base first.
NAME_COLUMNS = ("name", "name_en", "name_fr", "name_es", "name_ar", "name_zh_hans", "name_ru")


def _normal(text) -> str:
    return " ".join((text or "").casefold().split())


def topics_for_tags(tag_names, topics) -> set:
    """The ids of the `topics` some tag names: `topics` is an iterable of (id, names), the names
    in every language; a match ignores case and spacing."""
    by_name = {}
    for topic_id, names in topics:
        for name in names:
            if _normal(name):
                by_name.setdefault(_normal(name), topic_id)
    return {by_name[_normal(tag)] for tag in tag_names if _normal(tag) in by_name}


def _tagged_items(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    content_type = ContentType.objects.filter(
        app_label="opportunities", model="opportunity"
    ).first()
    if content_type is None:
        return TaggedItem.objects.none()
    return TaggedItem.objects.filter(content_type=content_type)


def tags_to_topics(apps, schema_editor):
    Opportunity = apps.get_model("opportunities", "Opportunity")
    Topic = apps.get_model("clusters", "Topic")
    items = _tagged_items(apps)
    tags = {}
    for object_id, name in items.values_list("object_id", "tag__name"):
        tags.setdefault(object_id, []).append(name)
    if not tags:
        return
    topics_of_cluster = {}
    for row in Topic.objects.values("pk", "cluster_id", *NAME_COLUMNS):
        names = [row[column] for column in NAME_COLUMNS]
        topics_of_cluster.setdefault(row["cluster_id"], []).append((row["pk"], names))
    for opportunity in Opportunity.objects.filter(pk__in=list(tags)).only("pk", "cluster_id"):
        found = topics_for_tags(
            tags[opportunity.pk], topics_of_cluster.get(opportunity.cluster_id, [])
        )
        if found:
            opportunity.topics.add(*found)
    items.delete()


def topics_to_tags(apps, schema_editor):
    Opportunity = apps.get_model("opportunities", "Opportunity")
    Tag = apps.get_model("taggit", "Tag")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="opportunities", model="opportunity"
    )
    through = Opportunity.topics.through
    for opportunity_id, name in through.objects.values_list("opportunity_id", "topic__name"):
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            slug, number = slugify(name) or "topic", 1
            while Tag.objects.filter(slug=slug).exists():
                number += 1
                slug = f"{slugify(name) or 'topic'}-{number}"
            tag = Tag.objects.create(name=name, slug=slug)
        TaggedItem.objects.get_or_create(
            tag=tag, content_type=content_type, object_id=opportunity_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0011_topic_names_in_six_languages"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("opportunities", "0002_search_document"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunity",
            name="topics",
            field=models.ManyToManyField(
                blank=True,
                help_text="Topics of the opportunity's cluster: cities that need them are told about it.",
                related_name="opportunities",
                to="clusters.topic",
                verbose_name="topics",
            ),
        ),
        migrations.RunPython(tags_to_topics, topics_to_tags),
        migrations.RemoveField(
            model_name="opportunity",
            name="tags",
        ),
    ]
