"""A city's suggestions in the API: /api/v1/cities/<slug>/matches/."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cities.models import City
from core.api import PublicReadCacheMixin, ReadOnly, public_read_cached

from . import selectors


class MatchTopicSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class MatchSerializer(serializers.Serializer):
    kind = serializers.CharField(
        help_text="What is suggested: city, pilot, event, organization (and any source an app "
        "registers, such as opportunity)."
    )
    kind_label = serializers.CharField(help_text="The kind as the portal names it.")
    title = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The suggested item's page.")
    score = serializers.IntegerField(help_text="The sum of `score_parts`; higher ranks first.")
    score_parts = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Points per fact (topic, hazard, cluster, region, active, soon, eligible); "
        "the weights are in docs/architecture.md.",
    )
    reasons = serializers.CharField(help_text="Why, in plain words, in the request's language.")
    topic = MatchTopicSerializer(allow_null=True, help_text="The main topic the match is about.")
    propose_url = serializers.SerializerMethodField(
        help_text="The collaboration request form, filled in for this suggestion; null where "
        "the suggestion is not something to request a collaboration with."
    )
    first_seen_at = serializers.DateTimeField(help_text="When this was first suggested.")

    def _absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request and path else (path or None)

    def get_url(self, suggestion) -> str:
        return self._absolute(suggestion.url)

    def get_propose_url(self, suggestion) -> str | None:
        return self._absolute(suggestion.propose_url)


class CityMatchesSerializer(serializers.Serializer):
    city = serializers.CharField(help_text="The city's slug.")
    count = serializers.IntegerField()
    results = MatchSerializer(many=True)


class CityMatchesView(PublicReadCacheMixin, APIView):
    """Public: kept in the shared cache like the other public reads (a refresh of the
    suggestions shows within PAGE_CACHE_SECONDS)."""

    permission_classes = [ReadOnly]

    @extend_schema(
        summary="Suggestions for a city: peer cities, pilots, events and organizations that "
        "answer its needs",
        description="Best first; precomputed, at most ten of each kind, so not paginated. Each "
        "says why in `reasons` and how it scores in `score_parts`.",
        tags=["cities"],
        responses={200: CityMatchesSerializer},
    )
    def get(self, request, slug):
        return public_read_cached(self._matches, request, slug=slug)

    def _matches(self, request, slug):
        city = get_object_or_404(City, slug=slug)
        suggestions = selectors.matches_for_city(city, limit=None)
        data = {"city": city.slug, "count": len(suggestions), "results": suggestions}
        return Response(CityMatchesSerializer(data, context={"request": request}).data)
