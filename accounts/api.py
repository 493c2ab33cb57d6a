"""Organizations, the signed-in person (/me/) and their personal API token."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import (
    ApiModelSerializer,
    ETagMixin,
    ReadOnlyViewSet,
    WholeItemMixin,
    schema_view,
    slug_ref,
)
from core.roles import ALL_ROLES, user_has_role

from . import selectors
from .api_services import api_token_revoke, api_token_rotate
from .filters import OrganizationFilter
from .models import Organization


# An organization's part in an item (a pilot's partner, an event's co-host) and its role;
# subclasses name the link model in `class Meta(OrganizationLinkSerializer.Meta)`. (No docstring:
# the API schema would show it.)
class OrganizationLinkSerializer(WholeItemMixin, ApiModelSerializer):
    slug = slug_ref(
        Organization.objects.all(), source="organization", help_text="Organization slug."
    )
    name = serializers.CharField(source="organization.name", read_only=True)
    acronym = serializers.CharField(source="organization.acronym", read_only=True)

    class Meta:
        fields = ["slug", "name", "acronym", "role"]


class OrganizationSerializer(ApiModelSerializer):
    class Meta:
        model = Organization
        fields = ["slug", "name", "acronym", "kind", "country", "website", "description"]
        read_only_fields = fields


@schema_view(
    "organizations",
    list="List partner organizations and UN entities",
    retrieve="One organization",
)
class OrganizationViewSet(ReadOnlyViewSet):
    """Partner organizations (UN agencies, national centres, networks) and the expertise they
    offer. Read only."""

    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter
    search_fields = ["name", "acronym"]
    ordering_fields = ["name", "acronym"]
    ordering = ["name"]

    def get_queryset(self):
        return selectors.organization_list_for_api()


class MeSerializer(serializers.Serializer):
    email = serializers.EmailField()
    name = serializers.CharField()
    organization = serializers.CharField(
        source="organization.slug", default=None, allow_null=True, help_text="Organization slug."
    )
    city = serializers.CharField(
        source="city.slug", default=None, allow_null=True, help_text="Slug of my city."
    )
    roles = serializers.SerializerMethodField()
    preferred_language = serializers.CharField()
    time_zone = serializers.CharField()
    digest_frequency = serializers.CharField()
    has_api_token = serializers.SerializerMethodField()

    def get_roles(self, user) -> list[str]:
        return [role for role in ALL_ROLES if user_has_role(user, role)]

    def get_has_api_token(self, user) -> bool:
        return Token.objects.filter(user=user).exists()


class TokenSerializer(serializers.Serializer):
    key = serializers.CharField(
        help_text="Send it as `Authorization: Token <key>`. It is shown only this once."
    )
    created = serializers.DateTimeField()


class MeView(ETagMixin, APIView):
    """The signed-in account: who it is and its roles."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(summary="Who am I: the signed-in account and its roles", responses=MeSerializer)
    def get(self, request):
        return Response(MeSerializer(request.user).data)


class MeTokenView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Create (or replace) my personal API token",
        request=None,
        responses={201: TokenSerializer},
    )
    def post(self, request):
        token = api_token_rotate(user=request.user)
        return Response(TokenSerializer(token).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Revoke my personal API token",
        responses={204: OpenApiResponse(description="The token no longer works.")},
    )
    def delete(self, request):
        api_token_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


# Where a new key waits, in the session, for the one page that shows it.
SHOWN_ONCE_SESSION_ENTRY = "new_api_key_to_show_once"


# What ends the token in use, so is confirmed first.
TOKEN_ENDING_ACTIONS = ("rotate", "revoke")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def api_tokens_page(request):
    """The HTML page where a signed-in person creates or revokes their token.

    Each POST answers with a redirect, so reloading the page cannot replace a working token
    behind the person's back; the new key rides in the session to the next page, which shows
    it once and forgets it. Replacing or revoking a token stops the scripts that use it, so
    either is asked for on a page of its own (`?confirm=rotate`) before it is done."""
    token = Token.objects.filter(user=request.user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if action in TOKEN_ENDING_ACTIONS and token and request.POST.get("confirmed") != "yes":
            return redirect(f"{reverse('api-tokens')}?confirm={action}")
        if action == "revoke":
            api_token_revoke(user=request.user)
            messages.success(request, _("Your API token was revoked."))
        elif action in ("create", "rotate"):
            request.session[SHOWN_ONCE_SESSION_ENTRY] = api_token_rotate(user=request.user).key
        else:
            messages.error(request, _("Choose to create, replace or revoke your token."))
        return redirect("api-tokens")
    new_key = request.session.pop(SHOWN_ONCE_SESSION_ENTRY, None)
    confirming = request.GET.get("confirm") if token and not new_key else None
    if confirming in TOKEN_ENDING_ACTIONS:
        return render(request, "api/token_confirm.html", {"token": token, "action": confirming})
    return render(request, "api/tokens.html", {"token": token, "new_key": new_key})
