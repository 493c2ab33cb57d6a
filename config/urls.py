from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import RedirectView
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
from portal.views import english_prefix_redirect

# Addresses every language shares: the API (its language comes from ?lang= or Accept-Language),
# the admin, the sitemap (which lists each page in every language), health and static files.
urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path("clusters.css", cluster_colours_stylesheet, name="cluster-colours"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("portal.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    # Before Django's own: the same view, which also saves a signed-in person's choice and goes
    # to the page the visitor was on, in the chosen language.
    path("i18n/setlang/", set_language_remembered, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", portal_views.robots_txt, name="robots"),
    path("favicon.ico", portal_views.favicon, name="favicon"),
    # English has no prefix; an address written with /en/ goes to the unprefixed page.
    re_path(r"^en/(?P<rest>.*)$", english_prefix_redirect, name="english-prefix"),
]

# Pages: English at /clusters/, French at /fr/clusters/, Arabic at /ar/clusters/, ... (core.i18n)
urlpatterns += i18n_patterns(
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
    # Before the event pages, whose `<slug>/` would read "mine" as an event: the addresses
    # people guess for their registrations lead to My portal.
    path("events/mine/", RedirectView.as_view(pattern_name="portal:me", permanent=True)),
    path(
        "accounts/registrations/",
        RedirectView.as_view(pattern_name="portal:me", permanent=True),
    ),
    path("events/", include("events.registration_urls")),
    path("events/", include("events.urls")),
    path("certificates/", include("events.certificate_urls")),
    path("opportunities/", include("opportunities.urls")),
    # The library owns /resources/ and /news/ (news is a kind of resource).
    path("", include("resources.urls")),
    path("editor/", editor_views.dashboard, name="editor-desk"),
    path("editor/tags/", tag_suggestions, name="editor-tags"),
    path("matchmaking/", include("matchmaking.urls")),
    path(
        "editor/translations/",
        editor_only(missing_translations_page),
        name="editor-translations",
    ),
    path("partners/", include(hub_urls.partners)),
    # Sign-in, sign-up and their emails speak the language of the address they were asked from.
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("notifications.urls")),
    path("", include("portal.urls")),
    prefix_default_language=False,
)

if settings.BENCH_BASELINE_ENABLED:
    from bench.views import baseline

    urlpatterns.insert(0, path("bench/baseline", baseline, name="bench-baseline"))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
