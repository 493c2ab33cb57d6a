"""/api/v1/me/portal/: what My portal (/me/) shows, read-only, from the same selectors."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import ETagMixin
from events.models import RegistrationStatus

from .my_portal import my_portal


class EventRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField()

    def get_url(self, event) -> str:
        return self.context["request"].build_absolute_uri(event.get_absolute_url())


class UpcomingRegistrationSerializer(serializers.Serializer):
    event = EventRefSerializer()
    status = serializers.ChoiceField(
        choices=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]
    )
    waitlist_position = serializers.SerializerMethodField(
        help_text="1 = next to get a freed seat; null when the person holds a seat."
    )
    join_url = serializers.SerializerMethodField(
        help_text="The online link, for someone who holds a seat; null otherwise."
    )
    ical_url = serializers.SerializerMethodField()

    def get_waitlist_position(self, registration) -> int | None:
        if registration.status != RegistrationStatus.WAITLISTED:
            return None
        return registration.waitlist_ahead + 1

    def get_join_url(self, registration) -> str | None:
        if registration.status != RegistrationStatus.REGISTERED:
            return None
        return registration.event.online_url or None

    def get_ical_url(self, registration) -> str:
        path = reverse("events:ical", kwargs={"slug": registration.event.slug})
        return self.context["request"].build_absolute_uri(path)


class AttendanceSerializer(serializers.Serializer):
    event = EventRefSerializer()


class CertificateRefSerializer(serializers.Serializer):
    series = serializers.CharField(source="series.slug", help_text="Training series slug.")
    series_title = serializers.CharField(source="series.title")
    issued_on = serializers.DateField()
    verification_code = serializers.CharField()
    pdf_url = serializers.SerializerMethodField()

    def get_pdf_url(self, certificate) -> str:
        path = reverse("certificates:pdf", kwargs={"code": certificate.verification_code})
        return self.context["request"].build_absolute_uri(path)


def _target_type(row) -> str:
    if row.project_id:
        return "project"
    return "cluster" if row.cluster_id else "city"


class TargetSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["project", "cluster", "city"])
    slug = serializers.CharField()
    name = serializers.CharField()


def _target(row) -> dict:
    return {"type": _target_type(row), "slug": row.target.slug, "name": str(row.target)}


class CollaborationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    kind = serializers.CharField()
    status = serializers.CharField()
    target = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    @extend_schema_field(TargetSerializer)
    def get_target(self, row):
        return _target(row)


class ApplicationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    opportunity = serializers.SlugField(source="opportunity.slug")
    title = serializers.CharField(source="opportunity.title")
    status = serializers.CharField()
    created_at = serializers.DateTimeField()


class FollowSerializer(serializers.Serializer):
    target = serializers.SerializerMethodField()
    delivery = serializers.CharField(
        help_text="immediate, daily, weekly or off; empty: as in the profile's digest frequency."
    )

    @extend_schema_field(TargetSerializer)
    def get_target(self, row):
        return _target(row)


class NotificationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    verb = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    created_at = serializers.DateTimeField()


class GapSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="photo, summary, description, contact, coordinates…")
    label = serializers.CharField()
    edit_url = serializers.SerializerMethodField()

    def get_edit_url(self, gap) -> str:
        return self.context["request"].build_absolute_uri(gap.url)


class CityCompletenessSerializer(serializers.Serializer):
    city = serializers.CharField(source="city.slug")
    percent = serializers.IntegerField()
    gaps = GapSerializer(many=True)


class DraftCountSerializer(serializers.Serializer):
    key = serializers.CharField()
    count = serializers.IntegerField()


class StaffEventSerializer(EventRefSerializer):
    is_public = serializers.BooleanField()
    capacity = serializers.IntegerField(allow_null=True)
    registered = serializers.IntegerField(source="registered_count")
    waitlisted = serializers.IntegerField(source="waitlisted_count")


class StaffDeskSerializer(serializers.Serializer):
    drafts = DraftCountSerializer(many=True)
    proposals_awaiting_review = serializers.IntegerField()
    role_requests_pending = serializers.IntegerField()
    applications_waiting = serializers.IntegerField()
    collaboration_waiting_count = serializers.IntegerField()
    collaboration_waiting = CollaborationRefSerializer(many=True)
    events_this_week = StaffEventSerializer(many=True)


class MyPortalSerializer(serializers.Serializer):
    upcoming_registrations = UpcomingRegistrationSerializer(many=True, source="upcoming")
    past_attendance = AttendanceSerializer(many=True, source="past")
    certificates = CertificateRefSerializer(many=True)
    collaboration_requests = CollaborationRefSerializer(many=True)
    applications = ApplicationRefSerializer(many=True)
    follows = FollowSerializer(many=True)
    unread_notifications = NotificationRefSerializer(many=True, source="notifications")
    city = CityCompletenessSerializer(
        allow_null=True, help_text="For a city official: what their city's profile lacks."
    )
    staff = StaffDeskSerializer(allow_null=True, help_text="For UN staff: what waits for them.")


class MyPortalView(ETagMixin, APIView):
    """ "My portal" as data: your registrations, certificates, requests, follows and unread
    notifications, your city's profile gaps and suggestions, and for UN staff what waits."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="My portal: my registrations, certificates, requests, follows and what waits",
        responses=MyPortalSerializer,
    )
    def get(self, request):
        portal = my_portal(user=request.user)
        return Response(MyPortalSerializer(portal, context={"request": request}).data)
