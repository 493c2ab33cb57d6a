from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground layer: what every app shares. It imports no domain app."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

        from core.editor import may_edit_each
        from core.page_cache import content_relations_changed, content_saved
        from core.shared_pages import personal_predicate_register
        from core.user_cache import group_members_forget, user_groups_changed, user_saved

        # An edit of public content forgets the kept pages, anonymous and shared ones alike.
        post_save.connect(content_saved, dispatch_uid="core.page_cache.saved")
        post_delete.connect(content_saved, dispatch_uid="core.page_cache.deleted")
        m2m_changed.connect(content_relations_changed, dispatch_uid="core.page_cache.related")

        # The Edit link of pages shared by their signed-in readers (core.shared_pages).
        personal_predicate_register("may_edit", may_edit_each)

        # The signed-in user kept in the shared cache is forgotten when they or their roles change.
        user_model = get_user_model()
        post_save.connect(user_saved, sender=user_model, dispatch_uid="core.user_cache.saved")
        post_delete.connect(user_saved, sender=user_model, dispatch_uid="core.user_cache.deleted")
        m2m_changed.connect(
            user_groups_changed,
            sender=user_model.groups.through,
            dispatch_uid="core.user_cache.groups",
        )
        pre_delete.connect(group_members_forget, sender=Group, dispatch_uid="core.user_cache.group")
