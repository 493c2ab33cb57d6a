import django.db.models.deletion
import simple_history.models
import taggit.managers
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = ("resource", "historicalresource")


def _relabel(apps, schema_editor, old, new):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED_MODELS:
        if not content_type.objects.using(db).filter(app_label=new, model=model).exists():
            content_type.objects.using(db).filter(app_label=old, model=model).update(app_label=new)


def move_content_types(apps, schema_editor):
    _relabel(apps, schema_editor, "clusters", "resources")


def move_content_types_back(apps, schema_editor):
    _relabel(apps, schema_editor, "resources", "clusters")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0005_search_document"),
        ("cities", "0004_search_document"),
        ("clusters", "0007_resource_moves_to_resources_app"),
        ("projects", "0006_project_newest_first_index"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # The tables were created by the clusters app's migrations and keep their names
    # (clusters_resource, clusters_historicalresource, clusters_resource_<relation>); this
    # migration only takes over Django's state, and moves the content types so that tags,
    # permissions and admin history still point at the same rows.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HistoricalResource",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="created"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="updated"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("draft", "Draft"), ("published", "Published")],
                                default="draft",
                                max_length=10,
                                verbose_name="publication status",
                            ),
                        ),
                        (
                            "published_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="published at"
                            ),
                        ),
                        (
                            "is_demo",
                            models.BooleanField(
                                default=False,
                                help_text="Loaded by load_demo; safe to delete.",
                                verbose_name="demo content",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("news", "News"),
                                    ("good_practice", "Good practice"),
                                    ("case_study", "Case study"),
                                    ("toolkit", "Toolkit"),
                                    ("report", "Report"),
                                    ("video", "Video"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        ("title", models.CharField(max_length=250, verbose_name="title")),
                        ("slug", models.SlugField(max_length=120, verbose_name="slug")),
                        (
                            "summary",
                            models.CharField(blank=True, max_length=400, verbose_name="summary"),
                        ),
                        ("body", models.TextField(blank=True, verbose_name="body (Markdown)")),
                        ("external_url", models.URLField(blank=True, verbose_name="external link")),
                        ("file", models.TextField(blank=True, max_length=200, verbose_name="file")),
                        (
                            "image",
                            models.TextField(blank=True, max_length=200, verbose_name="image"),
                        ),
                        (
                            "language",
                            models.CharField(default="en", max_length=10, verbose_name="language"),
                        ),
                        (
                            "review_state",
                            models.CharField(
                                choices=[
                                    ("none", "Not under review"),
                                    ("proposed", "Proposed, awaiting review"),
                                    ("returned", "Returned to the proposer"),
                                ],
                                default="none",
                                max_length=10,
                                verbose_name="review state",
                            ),
                        ),
                        (
                            "review_comment",
                            models.TextField(blank=True, verbose_name="reviewer's comment"),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "author",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "proposed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical resource",
                        "verbose_name_plural": "historical resources",
                        "db_table": "clusters_historicalresource",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Resource",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        (
                            "status",
                            models.CharField(
                                choices=[("draft", "Draft"), ("published", "Published")],
                                default="draft",
                                max_length=10,
                                verbose_name="publication status",
                            ),
                        ),
                        (
                            "published_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="published at"
                            ),
                        ),
                        (
                            "is_demo",
                            models.BooleanField(
                                default=False,
                                help_text="Loaded by load_demo; safe to delete.",
                                verbose_name="demo content",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("news", "News"),
                                    ("good_practice", "Good practice"),
                                    ("case_study", "Case study"),
                                    ("toolkit", "Toolkit"),
                                    ("report", "Report"),
                                    ("video", "Video"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        ("title", models.CharField(max_length=250, verbose_name="title")),
                        (
                            "slug",
                            models.SlugField(max_length=120, unique=True, verbose_name="slug"),
                        ),
                        (
                            "summary",
                            models.CharField(blank=True, max_length=400, verbose_name="summary"),
                        ),
                        ("body", models.TextField(blank=True, verbose_name="body (Markdown)")),
                        ("external_url", models.URLField(blank=True, verbose_name="external link")),
                        (
                            "file",
                            models.FileField(
                                blank=True,
                                max_length=200,
                                upload_to="resources/%Y/%m/",
                                verbose_name="file",
                            ),
                        ),
                        (
                            "image",
                            models.ImageField(
                                blank=True,
                                max_length=200,
                                upload_to="resources/images/%Y/%m/",
                                verbose_name="image",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(default="en", max_length=10, verbose_name="language"),
                        ),
                        (
                            "review_state",
                            models.CharField(
                                choices=[
                                    ("none", "Not under review"),
                                    ("proposed", "Proposed, awaiting review"),
                                    ("returned", "Returned to the proposer"),
                                ],
                                default="none",
                                max_length=10,
                                verbose_name="review state",
                            ),
                        ),
                        (
                            "review_comment",
                            models.TextField(blank=True, verbose_name="reviewer's comment"),
                        ),
                        (
                            "author",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="authored_resources",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "cities",
                            models.ManyToManyField(
                                blank=True, related_name="resources", to="cities.city"
                            ),
                        ),
                        (
                            "clusters",
                            models.ManyToManyField(
                                blank=True, related_name="resources", to="clusters.cluster"
                            ),
                        ),
                        (
                            "organizations",
                            models.ManyToManyField(
                                blank=True, related_name="resources", to="accounts.organization"
                            ),
                        ),
                        (
                            "projects",
                            models.ManyToManyField(
                                blank=True, related_name="resources", to="projects.project"
                            ),
                        ),
                        (
                            "proposed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="proposed_resources",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "tags",
                            taggit.managers.TaggableManager(
                                blank=True,
                                help_text="A comma-separated list of tags.",
                                through="taggit.TaggedItem",
                                to="taggit.Tag",
                                verbose_name="Tags",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "resource",
                        "verbose_name_plural": "resources",
                        "db_table": "clusters_resource",
                        "ordering": ["-published_at", "-created_at"],
                        "indexes": [
                            models.Index(
                                fields=["review_state", "-updated_at"],
                                name="clusters_re_review__92040a_idx",
                            ),
                            models.Index(
                                fields=["status", "-published_at"],
                                name="clusters_re_status_11fdb4_idx",
                            ),
                            models.Index(
                                fields=["kind", "status", "-published_at"],
                                name="clusters_re_kind_65abc0_idx",
                            ),
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("status", "published"), _negated=True),
                                    ("published_at__isnull", False),
                                    _connector="OR",
                                ),
                                name="clusters_resource_published_has_date",
                                violation_error_message="A published item needs a publication date.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("status", "published"), _negated=True),
                                    ("review_state", "none"),
                                    _connector="OR",
                                ),
                                name="clusters_resource_published_not_in_review",
                                violation_error_message="A resource under review cannot be published.",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
