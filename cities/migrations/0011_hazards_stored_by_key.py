"""Hazards stored in another language before they were stored by key ("فيضان", "Inondation")
become their key ("flood"): the English page showed them in Arabic or French, and a search for
floods did not find the city. A name the city already has by key is not added twice. Names no
language knows ("sandstorm") and the English keys in another case ("Flood") stay as they are.
"""

from django.db import migrations
from django.utils.text import slugify

from cities.hazards import hazard_key


def _tag_named(tag_model, name):
    tag = tag_model.objects.filter(name=name).first()
    if tag is not None:
        return tag
    slug, number = slugify(name) or "hazard", 1
    while tag_model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{slugify(name) or 'hazard'}-{number}"
    return tag_model.objects.create(name=name, slug=slug)


def hazards_by_key(apps, schema_editor):
    tagged_hazard = apps.get_model("cities", "TaggedHazard")
    tag_model = apps.get_model("taggit", "Tag")
    for link in tagged_hazard.objects.select_related("tag").order_by("pk"):
        key = hazard_key(link.tag.name)
        if key.casefold() == link.tag.name.casefold():
            continue
        tag = _tag_named(tag_model, key)
        already = tagged_hazard.objects.filter(
            content_object_id=link.content_object_id, tag__name__iexact=key
        ).exists()
        if already:
            link.delete()
        else:
            link.tag = tag
            link.save(update_fields=["tag"])


class Migration(migrations.Migration):
    dependencies = [
        ("cities", "0010_names_by_id_in_every_language"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(hazards_by_key, migrations.RunPython.noop)]
