from django.contrib.sitemaps import Sitemap

from .models import Opportunity


class OpportunitySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Opportunity.objects.published().order_by("slug")

    def lastmod(self, opportunity):
        return opportunity.updated_at
