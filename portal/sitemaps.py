"""sitemap.xml: every public page a search engine should know. Other apps add their sitemaps to
SITEMAPS below."""

from django.urls import reverse

from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster
from core.sitemaps import LocalizedSitemap
from events.sitemaps import EventSitemap, TrainingSeriesSitemap
from projects.sitemaps import ProjectSitemap
from resources.sitemaps import ResourceSitemap


class StaticPagesSitemap(LocalizedSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return [
            "portal:home",
            "clusters:list",
            "cities:list",
            "partners:list",
            "projects:list",
            "events:list",
            "resources:list",
            "resources:news",
        ]

    def location(self, item):
        return reverse(item)


class ClusterSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Cluster.objects.active()

    def lastmod(self, cluster):
        return cluster.updated_at


class CitySitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return City.objects.order_by("name", "pk")

    def lastmod(self, city):
        return city.updated_at


class PartnerSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Organization.objects.order_by("name", "pk")

    def location(self, organization):
        return reverse("partners:detail", kwargs={"slug": organization.slug})

    def lastmod(self, organization):
        return organization.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "clusters": ClusterSitemap,
    "cities": CitySitemap,
    "partners": PartnerSitemap,
    "projects": ProjectSitemap,
    "events": EventSitemap,
    "series": TrainingSeriesSitemap,
    "resources": ResourceSitemap,
}
