"""The sitemap lists every page in each of the six languages, with its hreflang alternates.

Every app's sitemap derives from `LocalizedSitemap`: Django's sitemap then gives one `<url>` per
page and language (/clusters/, /fr/clusters/, ...), each naming the others and an x-default
(English, the unprefixed address) as `<xhtml:link rel="alternate" hreflang>`.
"""

from django.contrib.sitemaps import Sitemap


class LocalizedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
