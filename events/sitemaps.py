from core.sitemaps import LocalizedSitemap

from .models import Event, TrainingSeries


class EventSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Event.objects.published().order_by("slug")

    def lastmod(self, event):
        return event.updated_at


class TrainingSeriesSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return TrainingSeries.objects.published().order_by("slug")

    def lastmod(self, series):
        return series.updated_at
