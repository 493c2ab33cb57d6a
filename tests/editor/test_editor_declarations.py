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
    }


@pytest.mark.parametrize("editor", registered_editors(), ids=lambda e: e.model.__name__)
def test_each_declaration_serves_its_pages_under_its_namespace(editor):
    actions = ["edit", "history"]
    if editor.publishable:
        actions += ["preview", "publish", "unpublish"]
    names = [f"{editor.namespace}:{editor.name_prefix}{action}" for action in actions]
    kwargs = {"slug": "an-item", "pk": 1} if "<int:pk>" in editor.object_path else {"slug": "x"}
    for name in names:
        assert reverse(name, kwargs=kwargs)
    if editor.new_path is not None:
        create_kwargs = {"slug": "x"} if "<slug:slug>" in editor.new_path else {}
        assert reverse(f"{editor.namespace}:{editor.name_prefix}create", kwargs=create_kwargs)
