"""Pieces every API endpoint shares: errors, pagination, throttles, permissions, ETags, schema."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils.cache import get_conditional_response, set_response_etag
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import exceptions, permissions, serializers
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from accounts.roles import is_editor

# --- Errors ---------------------------------------------------------------------------------


def _flatten_errors(detail, prefix="") -> dict[str, list[str]]:
    """Nested serializer errors become dotted keys ("cities.0.role") so clients read one level."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            flat.update(_flatten_errors(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        flat = {}
        for index, item in enumerate(detail):
            if item:
                flat.update(_flatten_errors(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    messages = detail if isinstance(detail, list) else [detail]
    return {prefix or api_settings.NON_FIELD_ERRORS_KEY: [str(message) for message in messages]}


def api_exception_handler(exc, context):
    """Every API error answers with the same JSON shape: {"error": {status, code, message, fields}}."""
    if isinstance(exc, DjangoValidationError):
        # Model validation (full_clean in services) reaches the client as a 400, not a 500.
        exc = exceptions.ValidationError(as_serializer_error(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    error = {"status": response.status_code}
    if isinstance(exc, exceptions.ValidationError):
        error["code"] = "invalid"
        error["message"] = "The request has invalid fields or parameters."
        error["fields"] = _flatten_errors(exc.detail)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        error["code"] = getattr(detail, "code", None) or "error"
        error["message"] = str(detail)
    response.data = {"error": error}
    return response


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status code, repeated.")
    code = serializers.CharField(
        help_text="A stable machine-readable code: invalid, not_authenticated, "
        "authentication_failed, permission_denied, not_found, method_not_allowed, throttled..."
    )
    message = serializers.CharField(help_text="A sentence for humans.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text='Only on 400: messages per field; nested fields use dotted keys ("cities.0.role").',
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


ERROR_DESCRIPTIONS = {
    "400": "Invalid input: a field, filter or query parameter was refused (see `error.fields`).",
    "401": "Not signed in: send a session cookie or `Authorization: Token <key>`.",
    "403": "Signed in, but without the right for this action.",
    "404": "No such object, or a page number past the end.",
    "405": "This method is not allowed here.",
    "415": "The request body must be JSON (or a form).",
    "429": "Too many requests: wait for the seconds in `Retry-After`.",
}


# --- Schema ---------------------------------------------------------------------------------


class ApiAutoSchema(AutoSchema):
    """Documents the shared error shape on every operation, and anonymous read where allowed."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = ["401", "403", "429"]
        is_write = self.method not in permissions.SAFE_METHODS
        if is_write or self._is_list_view() or self.get_filter_backends():
            codes.append("400")
        if is_write and self.method != "DELETE":
            codes.append("415")
        if "{" in self.path or self._is_list_view():
            codes.append("404")
        for code in sorted(codes):
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code]),
                    code,
                    direction=direction,
                )
        return responses

    def get_auth(self):
        auths = super().get_auth()
        readable_by_anyone = any(
            getattr(permission, "allows_anonymous_read", False)
            for permission in self.view.get_permissions()
        )
        if readable_by_anyone and self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths


# --- Permissions ----------------------------------------------------------------------------


class ReadOnly(permissions.BasePermission):
    allows_anonymous_read = True

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS


class EditorOrReadOnly(permissions.BasePermission):
    """Anyone reads; UN staff (or a superuser) write."""

    allows_anonymous_read = True

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user.is_authenticated and is_editor(request.user))


# --- Conditional GET ------------------------------------------------------------------------


class ETagMixin:
    """An ETag from the rendered body on successful GETs; a matching If-None-Match gets a 304."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response.render()
            set_response_etag(response)
            conditional = get_conditional_response(
                request._request, etag=response.get("ETag"), response=response
            )
            if conditional is not None:
                return conditional
        return response


def visible_to(user, queryset):
    """Published rows for everyone; drafts too for UN staff, who prepare them."""
    if user.is_authenticated and is_editor(user):
        return queryset
    return queryset.published()


class ApiViewSetMixin(ETagMixin):
    """Slugs may hold any character but "/"; anything else reaches the view and gets a JSON 404."""

    lookup_field = "slug"
    lookup_value_regex = "[^/]+"


class TagNamesField(serializers.ListField):
    """Free tags (django-taggit) as a plain list of names."""

    child = serializers.CharField(max_length=100)

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


def slug_list(queryset, **kwargs):
    return serializers.SlugRelatedField(slug_field="slug", queryset=queryset, many=True, **kwargs)


def save_validated(instance, *, fields: dict, many_to_many: dict | None = None, tags=None):
    """Set fields, run the model's own validation (constraints included), save, then relations.

    Services call this inside a transaction so a refused relation leaves no half-written row.
    """
    from django.utils import timezone

    from portal.models import PublicationStatus

    for name, value in fields.items():
        setattr(instance, name, value)
    if (
        getattr(instance, "status", None) == PublicationStatus.PUBLISHED
        and getattr(instance, "published_at", False) is None
    ):
        # Publishing without a date means "now", as the admin's publish action does.
        instance.published_at = timezone.now()
    instance.full_clean()
    instance.save()
    for name, values in (many_to_many or {}).items():
        getattr(instance, name).set(values)
    if tags is not None:
        instance.tags.set(tags)
    return instance


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class PageUrlField(serializers.Field):
    """The absolute address of the object's page on the portal."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, instance):
        try:
            path = instance.get_absolute_url()
        except NoReverseMatch:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path
