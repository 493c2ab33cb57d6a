"""The REST API v1 router: each app's viewsets, plus /me/ and the map."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from accounts.api import MeTokenView, MeView, OrganizationViewSet
from cities.api import CityViewSet
from clusters.api import ClusterViewSet
from events.api import EventViewSet, RegistrationViewSet, TrainingSeriesViewSet
from notifications.api import NotificationViewSet, SubscriptionViewSet
from opportunities.api import OpportunityViewSet
from portal.api import MapView
from projects.api import CollaborationRequestViewSet, ProjectViewSet
from resources.api import ResourceViewSet

router = DefaultRouter()
router.register("clusters", ClusterViewSet, basename="cluster")
router.register("cities", CityViewSet, basename="city")
router.register("projects", ProjectViewSet, basename="project")
router.register("events", EventViewSet, basename="event")
router.register("training-series", TrainingSeriesViewSet, basename="training-series")
router.register("resources", ResourceViewSet, basename="resource")
router.register("opportunities", OpportunityViewSet, basename="opportunity")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register(
    "collaboration-requests", CollaborationRequestViewSet, basename="collaboration-request"
)
router.register("registrations", RegistrationViewSet, basename="registration")
router.register("subscriptions", SubscriptionViewSet, basename="subscription")
router.register("notifications", NotificationViewSet, basename="notification")

urlpatterns = [
    path("me/", MeView.as_view(), name="api-me"),
    path("me/token/", MeTokenView.as_view(), name="api-me-token"),
    path("map/", MapView.as_view(), name="api-map"),
    *router.urls,
]
