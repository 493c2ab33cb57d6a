"""Machine-readable views of a cluster: an Atom feed of what is new and an iCalendar of its events."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import selectors


class ClusterFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return selectors.cluster_get(slug=slug)

    def title(self, cluster):
        return _("%(cluster)s · %(site)s") % {"cluster": cluster.name, "site": settings.SITE_NAME}

    def subtitle(self, cluster):
        return cluster.summary

    def link(self, cluster):
        return cluster.get_absolute_url()

    def items(self, cluster):
        return selectors.cluster_feed_items(cluster=cluster)

    def item_title(self, item):
        return getattr(item, "title", str(item))

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        # Stable across slug edits and unique across the three kinds of item.
        return f"tag:{settings.SITE_NAME.replace(' ', '-').lower()},{item.created_at:%Y-%m-%d}:{item._meta.label_lower}/{item.pk}"

    item_guid_is_permalink = False
