"""Latin runs inside Arabic sentences keep their own order: a minus sign stays before its digits,
".ics" does not become "ics.", and the search example is not scrambled. The Arabic catalogue
wraps them in isolates (U+2066 ... U+2069) or starts them with a left-to-right mark."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import CityFactory, ClusterFactory

pytestmark = pytest.mark.django_db

LRI, PDI, LRM = "\u2066", "\u2069", "\u200e"


def test_a_negative_longitude_keeps_its_minus_sign_before_the_digits(client):
    accra = CityFactory(latitude=5.6037, longitude=-0.1870)

    html = client.get(f"/ar/cities/{accra.slug}/").content.decode()

    assert f"خط الطول {LRI}-0.187{PDI}" in html


def test_the_clusters_calendar_link_reads_ics_left_to_right(client):
    cluster = ClusterFactory()

    html = client.get(f"/ar/clusters/{cluster.slug}/").content.decode()

    assert f"({LRM}.ics)" in html


@pytest.mark.parametrize(
    ("english", "kept_left_to_right"),
    [
        (
            "Use quotes for an exact phrase and a minus sign to leave a word out, e.g. "
            "“early warning” -flood.",
            f"{LRI}“early warning” -flood{PDI}",
        ),
        ("Upload a PDF or a Word (.docx) document.", f"{LRI}Word (.docx){PDI}"),
        (
            'Add to calendar (.ics)<span class="visually-hidden">: %(title)s</span>',
            f"({LRM}.ics)",
        ),
    ],
)
def test_latin_examples_in_arabic_sentences_are_kept_left_to_right(english, kept_left_to_right):
    with translation.override("ar"):
        assert kept_left_to_right in gettext(english)
