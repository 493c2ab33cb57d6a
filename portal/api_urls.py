"""The REST API v1 router: each app's viewsets, plus /me/ (with My portal), the map and the statistics, under a root that lists them.

The root (`portal/api_root.py`) lists every endpoint registered here, computed from the router's
registry and `PATHS`; `DESCRIPTIONS` says what each is for, in the reader's language.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from rest_framework.routers import DefaultRouter

from accounts.api import MeTokenView, MeView, OrganizationViewSet
from cities.api import CityViewSet
from clusters.api import ClusterViewSet
from events.api import EventViewSet, RegistrationViewSet, TrainingSeriesViewSet
from matchmaking.api import CityMatchesView
from notifications.api import NotificationViewSet, SubscriptionViewSet
from opportunities.api import OpportunityViewSet
from portal.api import MapView, StatisticsView
from portal.api_root import ApiRootView, endpoints_from
from portal.me_api import MyPortalView
from projects.api import CollaborationRequestViewSet, ProjectViewSet
from resources.api import ResourceViewSet

# The root is ours (ApiRootView), not DRF's "default basic root view".
router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
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

# Endpoints beside the router's, each a single view.
PATHS = [
    path("me/", MeView.as_view(), name="api-me"),
    path("me/token/", MeTokenView.as_view(), name="api-me-token"),
    path("me/portal/", MyPortalView.as_view(), name="api-me-portal"),
    path("map/", MapView.as_view(), name="api-map"),
    path("statistics/", StatisticsView.as_view(), name="api-statistics"),
]

DESCRIPTIONS = {
    "me": _("Who you are: your account, roles, organization and city (signed in)."),
    "me/token": _("Create or replace your personal API token (signed in)."),
    "me/portal": _(
        "What My portal shows you: registrations, certificates, collaboration requests, "
        "applications, follows and notifications (signed in)."
    ),
    "statistics": _(
        "The programme's reach in figures: member cities, pilots, trainings, participants, "
        "collaboration requests and certificates."
    ),
    "map": _(
        "GeoJSON for maps: a point per member city and a line per pair of cities in a published "
        "pilot; ?cluster= narrows it to one cluster."
    ),
    "clusters": _("The seven thematic clusters, with their member cities."),
    "cities": _(
        "Member cities with their clusters; a city official updates their own city; "
        "cities/{slug}/matches/ lists what is suggested to a city, and why."
    ),
    "projects": _(
        "Programmes and city-to-city pilots, with their cities, partners and roles; UN staff "
        "create and edit them."
    ),
    "events": _("Events and training sessions, with co-hosts, seats and time zones."),
    "training-series": _("Training series and what their certificates require."),
    "resources": _("The knowledge library: good practices, reports, tools and news."),
    "opportunities": _(
        "Fellowships, calls for proposals and expert exchanges, open or closed, with who may "
        "apply and by when."
    ),
    "organizations": _("Partner organizations: UN entities, national agencies, NGOs and others."),
    "collaboration-requests": _(
        "Collaboration requests: partners send theirs and follow them; UN staff review them."
    ),
    "registrations": _("Your event registrations and waitlist places (signed in)."),
    "subscriptions": _("What you follow, and how you want to hear about it (signed in)."),
    "notifications": _("Your notifications; mark them read (signed in)."),
}

ENDPOINTS = tuple(endpoints_from(router, PATHS, DESCRIPTIONS))

urlpatterns = [
    path("", ApiRootView.as_view(endpoints=ENDPOINTS), name="api-root"),
    *PATHS,
    # Below a city, so not an entry of its own on the API root; the cities entry names it.
    path("cities/<str:slug>/matches/", CityMatchesView.as_view(), name="api-city-matches"),
    *router.urls,
]
