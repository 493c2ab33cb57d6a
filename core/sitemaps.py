"""The sitemap lists every page in each of the six languages, with its hreflang alternates.

Every app's sitemap derives from `LocalizedSitemap`: Django's sitemap then gives one `<url>` per
page and language (/clusters/, /fr/clusters/, ...), each naming the others and an x-default
(English, the unprefixed address) as `<xhtml:link rel="alternate" hreflang>`.

Django's own i18n sitemap builds the (item, language) pairs of every item before it cuts a page
of 50,000 addresses; with 200,000 resources that is every row read on every request. Here the
pairs are cut from the query: a page reads only the rows it shows.
"""

from django.contrib.sitemaps import Sitemap


class ItemsInLanguages:
    """(item, language) for each item of `items` and each language, sliced lazily."""

    def __init__(self, items, languages):
        self.items = items
        self.languages = list(languages)

    def count(self) -> int:
        rows = len(self.items) if isinstance(self.items, list | tuple) else self.items.count()
        return rows * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("ItemsInLanguages only takes plain slices.")
        per_item = len(self.languages)
        start = index.start or 0
        stop = self.count() if index.stop is None else index.stop
        first, last = start // per_item, -(-stop // per_item)
        pairs = [(item, language) for item in self.items[first:last] for language in self.languages]
        offset = first * per_item
        return pairs[start - offset : stop - offset]


class LocalizedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def _items(self):
        return ItemsInLanguages(self.items(), self._languages())
