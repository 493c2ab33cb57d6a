"""The OpenAPI schema generates without a single warning and is a valid OpenAPI document."""

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


def test_it_generates_the_schema_without_warnings(tmp_path):
    # --fail-on-warn turns any drf-spectacular warning or error into a failure.
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )

    assert (tmp_path / "schema.yml").read_text().startswith("openapi: 3")


def test_it_describes_every_endpoint_with_errors_and_named_enums():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)

    paths = schema["paths"]
    for resource in (
        "clusters",
        "cities",
        "projects",
        "events",
        "training-series",
        "resources",
        "organizations",
        "collaboration-requests",
        "registrations",
        "subscriptions",
        "notifications",
    ):
        assert f"/api/v1/{resource}/" in paths
    assert {"/api/v1/me/", "/api/v1/me/token/", "/api/v1/map/"} <= set(paths)
    project_create = paths["/api/v1/projects/"]["post"]["responses"]
    assert {"201", "400", "401", "403", "429"} <= set(project_create)
    assert project_create["400"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    components = schema["components"]["schemas"]
    assert {"ProjectPhaseEnum", "PublicationStatusEnum", "EventKindEnum"} <= set(components)


def test_no_endpoint_is_described_by_a_shared_mixins_docstring():
    """A view set without a docstring of its own is described by its first base class's: the
    cities list read "Writes through the content type's services…", which says nothing to a
    reader of the API."""
    schema = SchemaGenerator().get_schema(request=None, public=True)

    descriptions = {
        f"{method.upper()} {path}": operation.get("description", "")
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if isinstance(operation, dict)
    }
    import inspect

    from core import api as shared_api

    mixin_first_lines = {
        inspect.getdoc(cls).splitlines()[0]
        for _name, cls in inspect.getmembers(shared_api, inspect.isclass)
        if cls.__module__ == shared_api.__name__ and inspect.getdoc(cls)
    }
    borrowed = {
        name: text
        for name, text in descriptions.items()
        if text and text.splitlines()[0] in mixin_first_lines
    }
    assert not borrowed
    assert descriptions["GET /api/v1/cities/"].startswith("Member cities")
