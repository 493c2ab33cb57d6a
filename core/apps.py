from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground layer: what every app shares. It imports no domain app."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core.editor import may_edit_each
        from core.page_cache import content_saved
        from core.shared_pages import personal_predicate_register

        # An edit of public content forgets the kept pages, anonymous and shared ones alike.
        post_save.connect(content_saved, dispatch_uid="core.page_cache.saved")
        post_delete.connect(content_saved, dispatch_uid="core.page_cache.deleted")

        # The Edit link of pages shared by their signed-in readers (core.shared_pages).
        personal_predicate_register("may_edit", may_edit_each)
