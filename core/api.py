"""Pieces every API endpoint shares: errors, pagination, throttles, permissions, ETags, schema."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.translation import get_language
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, permissions, serializers, viewsets
from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from core.api_defaults import CachedRead
from core.middleware import accepts_gzip, gzip_body
from core.page_cache import GENERATION_KEY
from core.roles import is_editor
from core.visibility import public

# --- Errors ---------------------------------------------------------------------------------


def _flatten_errors(detail, prefix="") -> dict[str, list[str]]:
    """Nested serializer errors become dotted keys ("cities.0.role") so clients read one level."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            # Model validation names form-wide errors "__all__"; DRF calls them non_field_errors.
            name = api_settings.NON_FIELD_ERRORS_KEY if key == NON_FIELD_ERRORS else str(key)
            flat.update(_flatten_errors(value, f"{prefix}.{name}" if prefix else name))
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
    if getattr(exc, "existing", None):
        error["existing"] = exc.existing
    response.data = {"error": error}
    return response


class Conflict(exceptions.APIException):
    """409: the write clashes with what exists already (an open duplicate, say).

    `existing` is the address of the clashing item when the caller may open it; an item that is
    someone else's is never pointed at.
    """

    status_code = 409
    default_detail = "This clashes with something that exists already."
    default_code = "conflict"

    def __init__(self, detail=None, code=None, *, existing: str | None = None):
        super().__init__(detail, code)
        self.existing = existing


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status code, repeated.")
    code = serializers.CharField(
        help_text="A stable machine-readable code: invalid, not_authenticated, "
        "authentication_failed, permission_denied, not_found, method_not_allowed, conflict, "
        "throttled..."
    )
    message = serializers.CharField(help_text="A sentence for humans.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text='Only on 400: messages per field; nested fields use dotted keys ("cities.0.role").',
    )
    existing = serializers.URLField(
        required=False,
        help_text="Only on some 409s: the address of your own item that the write clashes with.",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


ERROR_DESCRIPTIONS = {
    "400": "Invalid input: a field, filter or query parameter was refused (see `error.fields`).",
    "401": "Not signed in: send a session cookie or `Authorization: Token <key>`.",
    "403": "Signed in, but without the right for this action.",
    "404": "No such object, or a page number past the end.",
    "405": "This method is not allowed here.",
    "409": "Conflict with what exists already (see `error.message`, and `error.existing`).",
    "415": "The request body must be JSON (or a form).",
    "429": "Too many requests: wait for the seconds in `Retry-After`.",
}


# --- Schema ---------------------------------------------------------------------------------


class ApiAutoSchema(AutoSchema):
    """Documents the shared error shape on every operation, and anonymous read where allowed."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        # Any request can carry a malformed query parameter or header, hence 400 everywhere.
        codes = ["400", "401", "403", "429"]
        is_write = self.method not in permissions.SAFE_METHODS
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
            if not response.has_header("ETag"):  # a stored answer brings its own
                set_response_etag(response)
            # The answer differs by encoding (core.middleware.TextGZipMiddleware), and a 304
            # repeats the Vary of the answer it stands for.
            patch_vary_headers(response, ("Accept-Encoding",))
            _anonymous_read_store(request, response)
            conditional = get_conditional_response(
                request._request, etag=response.get("ETag"), response=response
            )
            if conditional is not None:
                return conditional
        return response


def visible_to(user, queryset):
    """Published rows for everyone; drafts too for UN staff, who prepare them.

    Related items in the answer follow the same viewer: build their prefetches with
    `core.visibility.public_prefetch(..., viewer=user)`.
    """
    return public(queryset, viewer=user)


class _StoredResponse(Response):
    """A JSON answer kept rendered: neither serializer nor renderer runs again (and, kept
    gzipped for a client that accepts it, no compression either)."""

    def __init__(self, content: bytes, content_type: str, etag: str, encoding: str = ""):
        super().__init__(content_type=content_type)
        self._stored_content = content
        self["ETag"] = etag
        if encoding:  # ETagMixin, which every kept answer passes, adds its Vary
            self["Content-Encoding"] = encoding

    @property
    def rendered_content(self):
        self["Content-Type"] = self.content_type
        return self._stored_content


def _anonymous_read_key(view, request) -> str | None:
    """The key of a read the cache may answer, or None.

    Public reads answer the same to everyone who sees the same things: anonymous visitors and
    signed-in readers who are not UN staff see published content only, so they share one kept
    answer; UN staff, who also see drafts, share another. Endpoints whose rows are the reader's
    own (`reads_are_personal`) are never kept.
    """
    seconds = settings.PAGE_CACHE_SECONDS
    if not seconds:
        return None
    signed_in = request.user.is_authenticated or request.auth is not None
    if signed_in and getattr(view, "reads_are_personal", False):
        return None
    # Only JSON is kept: the browsable API's HTML carries a CSRF token and sets its cookie.
    if not isinstance(request.accepted_renderer, JSONRenderer):
        return None
    audience = "staff" if signed_in and is_editor(request.user) else "public"
    raw = "\n".join(
        (
            type(view).__name__,
            request._request.scheme,
            request._request.get_host(),
            request._request.get_full_path(),
            get_language() or "",
            request.accepted_media_type or "",
            audience,
            "gzip" if accepts_gzip(request) else "",
        )
    )
    return "api-read-cache:v5:" + hashlib.sha256(raw.encode()).hexdigest()


def public_read_cached(read, request, *args, **kwargs):
    """Public JSON reads are kept rendered for PAGE_CACHE_SECONDS (as anonymous pages are), for
    anonymous and signed-in readers alike (`_anonymous_read_key` says who shares an answer).

    The handler runs after authentication, permissions and throttling, so cached answers are
    still throttled; a reader's own rows (registrations, requests) are never kept. The
    rendered bytes are kept, not the data: a hit then costs no serializing, no JSON encoding
    and no ETag hashing. ETagMixin stores what the miss rendered. The throttle has usually
    fetched the stored answer already, with its count (core.api_defaults.CachedRead).
    """
    cached_read = getattr(request, "cached_read", None)
    if cached_read is None:
        return read(request, *args, **kwargs)
    if cached_read.fetched:
        stored, generation = cached_read.value, cached_read.generation
    else:
        found = cache.get_many([cached_read.key, GENERATION_KEY])
        stored, generation = found.get(cached_read.key), found.get(GENERATION_KEY, 0)
    # An edit of public content starts a new generation: no answer outlives it.
    if stored is not None and stored[0] == generation:
        return _StoredResponse(*stored[1:])
    request._anonymous_read_key = cached_read.key
    request._anonymous_read_generation = generation
    return read(request, *args, **kwargs)


def _anonymous_read_store(request, response) -> None:
    key = getattr(request, "_anonymous_read_key", None)
    if key is None or isinstance(response, _StoredResponse) or response.cookies:
        return
    # Compressed here, once, as core.middleware.TextGZipMiddleware would (which then leaves it):
    # a hit is served gzipped as kept. Compressing every hit of a list halved the requests a
    # second the API served.
    encoding = "gzip" if gzip_body(request, response) else ""
    cache.set(
        key,
        (
            getattr(request, "_anonymous_read_generation", 0),
            response.content,
            response["Content-Type"],
            response["ETag"],
            encoding,
        ),
        settings.PAGE_CACHE_SECONDS,
    )


class PublicReadCacheMixin(ETagMixin):
    """Public JSON reads kept rendered in the shared cache (`_anonymous_read_key` says for whom);
    `cached_actions` are the viewset actions it applies to (an APIView's GET has none)."""

    cached_actions = ("list", "retrieve")

    def check_throttles(self, request):
        # Content negotiation and authentication are done: the cache key is known, and the
        # throttle can fetch the stored answer in its own round trip to the cache.
        if request.method in ("GET", "HEAD") and getattr(self, "action", None) in (
            *self.cached_actions,
            None,
        ):
            key = _anonymous_read_key(self, request)
            if key is not None:
                request.cached_read = CachedRead(key)
        super().check_throttles(request)


class ApiViewSetMixin(PublicReadCacheMixin):
    """Slugs may hold any character but "/"; anything else reaches the view and gets a JSON 404."""

    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    # The rows this reader may see: the app's `<entity>_list_for_api(user=)` selector (as a
    # staticmethod), unless the view set has a `get_queryset` of its own.
    list_selector = None

    def get_queryset(self):
        if self.list_selector is None:
            return super().get_queryset()
        return self.list_selector(user=self.request.user)

    def list(self, request, *args, **kwargs):
        return public_read_cached(super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return public_read_cached(super().retrieve, request, *args, **kwargs)

    def reloaded(self, instance):
        """The written row read back the way lists read it (annotations, prefetched relations)."""
        return self.get_queryset().get(pk=instance.pk)


# An endpoint of the signed-in person's own rows (registrations, subscriptions...): rows are
# named by id, newest first. The view set's `get_queryset` narrows the rows to the person; its
# `queryset` (`Model.objects.none()`) is only the schema's hint. (No docstring: the API schema
# shows the view set's own.)
class OwnRowsMixin(ApiViewSetMixin):
    permission_classes = [permissions.IsAuthenticated]
    reads_are_personal = True  # each reader's own rows: never kept for another
    lookup_field = "pk"
    ordering_fields = ["created_at"]
    ordering = ["-created_at"]


# An endpoint of the signed-in person's own rows that lists them and gives one; a view set adds
# the writes it allows (`mixins.CreateModelMixin`...) after this base. (No docstring either.)
class OwnRowsViewSet(
    OwnRowsMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    pass


# A read-only endpoint: anyone lists and reads. (No docstring: the schema shows the view set's.)
class ReadOnlyViewSet(
    ApiViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [ReadOnly]


class ServiceWriteMixin:
    """Writes through the content type's services, the same ones its pages and admin call.

    `create_service(actor=, data=, **rows)` and `update_service(<instance_keyword>=, actor=,
    data=, **rows)`; `row_lists` names the validated fields that are lists of rows for the
    service ({serializer field: service keyword}); a list left out of a PATCH (None) is kept.
    """

    # The docstring above is, word for word, what the schema shows as the description of the
    # city endpoints (CityViewSet has none of its own), so it stays as published. The services
    # are the ones `editor` names, the type's editorial declaration
    # (core.content_editor.ContentEditor); `<instance_keyword>` is its `update_object_name`.
    editor = None
    row_lists: dict[str, str] = {}

    def _service_arguments(self, validated_data) -> dict:
        data = dict(validated_data)
        rows = {keyword: data.pop(field, None) for field, keyword in self.row_lists.items()}
        return {"actor": self.request.user, "data": data, **rows}

    def perform_create(self, serializer):
        item = self.editor.create_service(**self._service_arguments(serializer.validated_data))
        serializer.instance = self.reloaded(item)

    def perform_update(self, serializer):
        item = self.editor.update_service(
            **{self.editor.update_object_name: serializer.instance},
            **self._service_arguments(serializer.validated_data),
        )
        serializer.instance = self.reloaded(item)


class ContentViewSet(
    ServiceWriteMixin,
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """A publishable content type's endpoint: anyone reads what is public, UN staff write."""

    permission_classes = [EditorOrReadOnly]
    http_method_names = ["get", "post", "patch", "head", "options"]


class TagNamesField(serializers.ListField):
    """Free tags (django-taggit) as a plain list of names."""

    def __init__(self, **kwargs):
        kwargs.setdefault("child", StrictCharField(max_length=100))
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


def slug_ref(queryset, **kwargs):
    """A reference by slug to a row of `queryset` (the event to register for)."""
    return StrictSlugRelatedField(slug_field="slug", queryset=queryset, **kwargs)


def slug_list(queryset, **kwargs):
    return slug_ref(queryset, many=True, **kwargs)


def optional_slug_ref(queryset, **kwargs):
    """A reference by slug that may be left out or null (a pilot's programme, an event's city)."""
    return slug_ref(queryset, required=False, allow_null=True, **kwargs)


def refuse_repeats(items, key, message: str):
    """The nested rows as given, or a 400 with `message` when two of them share `key(row)`."""
    keys = [key(item) for item in items]
    if len(keys) != len(set(keys)):
        raise serializers.ValidationError(message)
    return items


# Publishing dates an item, once; a client asks for it with "status": "published".
CONTENT_READ_ONLY_FIELDS = ("published_at", "created_at", "updated_at")


def schema_view(tag: str, **summaries):
    """The schema's summary for each action of a view set (`list="List the thematic clusters"`),
    all under one tag; an action given as a dict gets those `extend_schema` arguments too."""
    operations = {}
    for action, summary in summaries.items():
        arguments = summary if isinstance(summary, dict) else {"summary": summary}
        operations[action] = extend_schema(**arguments, tags=[tag])
    return extend_schema_view(**operations)


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


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class OptionalURLField(serializers.URLField):
    """An optional link: stored as "" when missing, shown as null so the value is always a URI."""

    def __init__(self, **kwargs):
        kwargs["allow_blank"] = True
        kwargs["allow_null"] = True
        super().__init__(**kwargs)

    def run_validation(self, data=serializers.empty):
        if data is None or data == "":
            return ""
        return super().run_validation(data)

    def to_representation(self, value):
        return value or None


class StrictManyRelatedField(ManyRelatedField):
    def to_internal_value(self, data):
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return super().to_internal_value(data)


class StrictSlugRelatedField(serializers.SlugRelatedField):
    """A slug reference: a string, where "" is an error rather than a quiet null."""

    def run_validation(self, data=serializers.empty):
        if data == "":
            raise exceptions.ValidationError(
                "Give a slug (or null where allowed), not an empty string."
            )
        return super().run_validation(data)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        list_kwargs.update({key: kwargs[key] for key in kwargs if key in MANY_RELATION_KWARGS})
        return StrictManyRelatedField(**list_kwargs)


class WholeItemMixin:
    """Nested items (a project's cities, an event's co-hosts) are replaced whole, so even inside
    a PATCH every item must give all its fields."""

    def validate(self, attrs):
        missing = {
            field.field_name: ["This field is required."]
            for field in self._writable_fields
            if field.required and field.source not in attrs
        }
        if missing:
            raise exceptions.ValidationError(missing)
        return super().validate(attrs)


class _StringsOnly:
    """JSON gives types: a number where text belongs is a mistake to report, not to convert."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(_StringsOnly, serializers.CharField):
    pass


class StrictSlugField(_StringsOnly, serializers.SlugField):
    pass


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class StrictIntegerField(serializers.IntegerField):
    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class ApiModelSerializer(serializers.ModelSerializer):
    """Model serializers whose fields take JSON types as they are, and optional links as null."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.URLField: OptionalURLField,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: StrictSlugField,
        models.BooleanField: StrictBooleanField,
        models.IntegerField: StrictIntegerField,
        models.SmallIntegerField: StrictIntegerField,
        models.BigIntegerField: StrictIntegerField,
        models.PositiveIntegerField: StrictIntegerField,
        models.PositiveSmallIntegerField: StrictIntegerField,
        models.PositiveBigIntegerField: StrictIntegerField,
    }
