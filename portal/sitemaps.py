"""sitemap.xml: every public page a search engine should know, dated by its last change, in
each of the six languages with its hreflang alternates (core.sitemaps)."""

from django.urls import reverse

from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster
from core.sitemaps import LocalizedSitemap
from events.models import Event, TrainingSeries
from opportunities.models import Opportunity
from projects.models import Project
from resources.models import Resource

from .models import SitePage


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
            "portal:statistics",
            "opportunities:list",
        ]

    def location(self, item):
        return reverse(item)


class ContentSitemap(LocalizedSitemap):
    """The public items of one type. `items` is called per request, so the list stays current."""

    def __init__(self, items, *, changefreq, priority, location=None):
        self._query = items  # not `_items`: Django's Sitemap has a method of that name
        self.changefreq = changefreq
        self.priority = priority
        self._link = location

    def items(self):
        return self._query()

    def location(self, item):
        return self._link(item) if self._link else item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "clusters": ContentSitemap(Cluster.objects.active, changefreq="weekly", priority=0.7),
    "cities": ContentSitemap(
        lambda: City.objects.order_by("name", "pk"), changefreq="weekly", priority=0.6
    ),
    "partners": ContentSitemap(
        lambda: Organization.objects.order_by("name", "pk"),
        changefreq="monthly",
        priority=0.5,
        location=lambda organization: reverse("partners:detail", args=[organization.slug]),
    ),
    "projects": ContentSitemap(
        lambda: Project.objects.published().order_by("slug"), changefreq="weekly", priority=0.7
    ),
    "events": ContentSitemap(
        lambda: Event.objects.published().order_by("slug"), changefreq="weekly", priority=0.6
    ),
    "series": ContentSitemap(
        lambda: TrainingSeries.objects.published().order_by("slug"),
        changefreq="monthly",
        priority=0.6,
    ),
    "resources": ContentSitemap(
        lambda: Resource.objects.published().order_by("slug"), changefreq="monthly", priority=0.5
    ),
    "site-pages": ContentSitemap(
        lambda: SitePage.objects.order_by("slug"), changefreq="monthly", priority=0.3
    ),
    "opportunities": ContentSitemap(
        lambda: Opportunity.objects.published().order_by("slug"), changefreq="weekly", priority=0.6
    ),
}
