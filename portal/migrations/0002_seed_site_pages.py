"""A fresh site has its about, contact, privacy, terms and accessibility pages after `migrate`."""

from django.db import migrations

from portal.site_pages import SLUGS, site_pages_create_missing


def create_site_pages(apps, schema_editor):
    site_pages_create_missing(
        apps.get_model("portal", "SitePage"), using=schema_editor.connection.alias
    )


def remove_site_pages(apps, schema_editor):
    apps.get_model("portal", "SitePage").objects.using(schema_editor.connection.alias).filter(
        slug__in=SLUGS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_site_page")]

    operations = [migrations.RunPython(create_site_pages, remove_site_pages)]
