"""The site pages in the six languages: the first translations of about, contact, privacy, terms
and accessibility fill each language's columns where they are empty (portal/site_page_texts), so
an Arabic reader no longer gets the privacy notice and the terms in English. A text staff wrote
is never replaced.

The accessibility statement, where still as seeded, loses a line that is no longer true (the
interface is complete in Chinese and Russian) for one that is.
"""

from django.db import migrations

from portal.site_pages import ACCESSIBILITY, SITE_PAGES, site_pages_translations_fill

OLD_LINE = "- Chinese and Russian translations of the interface are still being completed."
NEW_LINES = (
    "- Pilots, events and documents are written by cities, partners and staff in one language; "
    "until\n  one is translated, its page shows it in the language it was written in."
)


def accessibility_statement_corrected(apps, schema_editor):
    site_page = apps.get_model("portal", "SitePage")
    seeded = next(page["body"] for page in SITE_PAGES if page["slug"] == ACCESSIBILITY).strip()
    for page in site_page.objects.using(schema_editor.connection.alias).filter(slug=ACCESSIBILITY):
        for column in ("body", "body_en"):
            text = getattr(page, column) or ""
            if OLD_LINE in text and text.replace(OLD_LINE, NEW_LINES) == seeded:
                site_page.objects.using(schema_editor.connection.alias).filter(pk=page.pk).update(
                    **{column: seeded}
                )


def translations_filled(apps, schema_editor):
    site_pages_translations_fill(
        apps.get_model("portal", "SitePage"), using=schema_editor.connection.alias
    )


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_statistics_summary")]

    operations = [
        migrations.RunPython(accessibility_statement_corrected, migrations.RunPython.noop),
        migrations.RunPython(translations_filled, migrations.RunPython.noop),
    ]
