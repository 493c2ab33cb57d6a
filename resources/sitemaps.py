from core.sitemaps import LocalizedSitemap

from .models import Resource


class ResourceSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Resource.objects.published().order_by("slug")

    def lastmod(self, resource):
        return resource.updated_at
