"""Every content type's editorial pages come from its one declaration (core.content_editor)."""

import pytest
from django.urls import reverse

from core.editor import registered_editors

pytestmark = pytest.mark.django_db


def test_every_editable_type_is_declared():
    declared = {editor.model._meta.label_lower for editor in registered_editors()}
    assert declared == {
        "cities.city",
        "clusters.cluster",
        "projects.project",
        "projects.projectupdate",
        "events.event",
        "events.trainingseries",
        "resources.resource",
        "portal.sitepage",
        "opportunities.opportunity",
        # Translation and history pages only: written in the pilot's form, in the admin.
        "projects.milestone",
        "accounts.organization",
    }


@pytest.mark.parametrize("editor", registered_editors(), ids=lambda e: e.model.__name__)
def test_each_declaration_serves_its_pages_under_its_namespace(editor):
    actions = ["edit", "history"] if editor.has_edit_page else ["history"]
    if editor.translatable:
        actions.append("translate")
    if editor.publishable:
        actions += ["preview", "publish", "unpublish"]
    names = [f"{editor.namespace}:{editor.name_prefix}{action}" for action in actions]
    kwargs = {"slug": "an-item", "pk": 1} if "<int:pk>" in editor.object_path else {"slug": "x"}
    for name in names:
        extra = {"language": "fr"} if name.endswith("translate") else {}
        assert reverse(name, kwargs={**kwargs, **extra})
    if editor.new_path is not None:
        create_kwargs = {"slug": "x"} if "<slug:slug>" in editor.new_path else {}
        assert reverse(f"{editor.namespace}:{editor.name_prefix}create", kwargs=create_kwargs)
