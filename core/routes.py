"""URL shapes the apps' URLconfs share, written once.

Each helper returns a list of ordinary `path()` patterns, to unpack into a URLconf
(`*object_pages(...)`); the order of the list is the order of the patterns.
"""

from django.urls import path


def object_pages(at: str, views: dict, *, name_prefix: str = "") -> list:
    """The pages and actions under one object's address, each named after its last word:
    `<at><word>/`, named `<name_prefix><word>` (`applications/<int:pk>/withdraw/`, named
    "application-withdraw"). `views` maps each word to its view, in URL order."""
    return [path(f"{at}{word}/", view, name=f"{name_prefix}{word}") for word, view in views.items()]


def statistics_pages(at: str, page_view, csv_view, *, name_prefix: str = "") -> list:
    """A statistics page, `<at>statistics/`, and the CSV of each of its charts,
    `<at>statistics/<chart>.csv`: named `<name_prefix>statistics` and
    `<name_prefix>statistics-csv`."""
    return [
        path(f"{at}statistics/", page_view, name=f"{name_prefix}statistics"),
        path(f"{at}statistics/<slug:chart>.csv", csv_view, name=f"{name_prefix}statistics-csv"),
    ]
