from django.contrib.sitemaps import Sitemap

from .models import Event, TrainingSeries


class EventSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Event.objects.published().order_by("slug")

    def lastmod(self, event):
        return event.updated_at


class TrainingSeriesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return TrainingSeries.objects.published().order_by("slug")

    def lastmod(self, series):
        return series.updated_at
