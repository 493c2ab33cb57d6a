from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from accounts.api import api_tokens_page
from accounts.language import set_language_remembered
from core.editor import editor_only
from core.editor_views import tag_suggestions
from core.translation_views import missing_translations_page
from events import certificate_views
from portal import editor_views, hub_urls
from portal import views as portal_views
from portal.cluster_styles import cluster_colours_stylesheet
from portal.sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path("clusters.css", cluster_colours_stylesheet, name="cluster-colours"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("portal.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("api/tokens/", api_tokens_page, name="api-tokens"),
    path("clusters/", include(hub_urls.clusters)),
    path("cities/", include(hub_urls.cities)),
    path("projects/", include(hub_urls.projects)),
    path("collaborate/", include("projects.collaboration_urls")),
    path(
        "events/certificates/<str:code>/",
        certificate_views.certificate_verify_moved,
        name="certificate-verify-moved",
    ),
    path("events/", include("events.registration_urls")),
    path("events/", include("events.urls")),
    path("certificates/", include("events.certificate_urls")),
    # The library owns /resources/ and /news/ (news is a kind of resource).
    path("", include("resources.urls")),
    path("editor/", editor_views.dashboard, name="editor-desk"),
    path("editor/tags/", tag_suggestions, name="editor-tags"),
    path(
        "editor/translations/",
        editor_only(missing_translations_page),
        name="editor-translations",
    ),
    path("partners/", include(hub_urls.partners)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    # Before Django's own: the same view, which also saves a signed-in person's choice.
    path("i18n/setlang/", set_language_remembered, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("notifications.urls")),
    path("", include("portal.urls")),
]

if settings.BENCH_BASELINE_ENABLED:
    from bench.views import baseline

    urlpatterns.insert(0, path("bench/baseline", baseline, name="bench-baseline"))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
