"""Opportunities in the API: anyone reads the published ones, UN staff create and change them
through the same services as the editorial pages."""

from rest_framework import serializers

from accounts.models import Organization
from cities.models import City, Region
from clusters.models import Cluster, Topic
from core.api import (
    CONTENT_READ_ONLY_FIELDS,
    ApiModelSerializer,
    ContentViewSet,
    PageUrlField,
    StrictCharField,
    optional_slug_ref,
    schema_view,
    slug_list,
    slug_ref,
)
from core.content_language import text_and_language

from . import selectors
from .editors import OPPORTUNITY_EDITOR
from .filters import OpportunityFilter
from .models import Opportunity


class OpportunitySerializer(ApiModelSerializer):
    host_organization = optional_slug_ref(
        Organization.objects.all(),
        help_text="Slug of the host organization (a host organization, a host city or both).",
    )
    host_city = optional_slug_ref(City.objects.all(), help_text="Slug of the host city.")
    cluster = slug_ref(
        Cluster.objects.all(),
        allow_null=True,
        help_text="Cluster slug; null when the cluster is hidden.",
    )
    topics = slug_list(
        Topic.objects.all(),
        required=False,
        help_text="Slugs of topics of the opportunity's cluster (the clusters' vocabulary).",
        error_messages={"does_not_exist": 'No topic has the slug "{value}".'},
    )
    topic_names = serializers.SerializerMethodField(
        help_text="The topics' names in the request's language, in the order of `topics`."
    )
    eligible_regions = serializers.ListField(
        child=serializers.ChoiceField(choices=Region.choices),
        required=False,
        help_text="UN region codes; empty: all.",
    )
    eligible_countries = serializers.ListField(
        # A country's text is its code; the model refuses an unknown one (a 400 naming it).
        child=StrictCharField(max_length=2),
        required=False,
        help_text="ISO 3166-1 alpha-2 codes; empty: all.",
    )
    is_open = serializers.BooleanField(read_only=True, help_text="The deadline has not passed.")
    url = PageUrlField()

    class Meta:
        model = Opportunity
        fields = [
            "slug",
            "kind",
            "title",
            "summary",
            "description",
            "host_organization",
            "host_city",
            "cluster",
            "topics",
            "topic_names",
            "eligible_regions",
            "eligible_countries",
            "deadline",
            "is_open",
            "places",
            "how_to_apply",
            "status",
            "published_at",
            "url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = CONTENT_READ_ONLY_FIELDS

    def get_topic_names(self, opportunity) -> list[str]:
        return [text_and_language(topic, "name")[0] for topic in opportunity.topics.all()]


@schema_view(
    "opportunities",
    list="Fellowships, calls for proposals and expert exchanges",
    retrieve="One opportunity",
    create="Add an opportunity (UN staff)",
    partial_update="Change an opportunity (UN staff); topics replace the old list",
)
class OpportunityViewSet(ContentViewSet):
    """Fellowships, calls and exchanges open to cities, with their deadlines and who may apply.
    Anyone reads the published ones; UN staff create, change and publish them."""

    serializer_class = OpportunitySerializer
    editor = OPPORTUNITY_EDITOR  # its create and update services
    filterset_class = OpportunityFilter
    search_fields = ["title", "summary", "description"]
    ordering_fields = ["deadline", "published_at", "title"]
    ordering = ["deadline", "pk"]
    list_selector = staticmethod(selectors.opportunity_list_for_api)
