"""A programme names its first pilots, by the title each shows, and links to all of them on the
pilots page: on its card in the pilots list (the first 5) and on its own page (the first 20)."""

import re

import pytest

from core.models import PublicationStatus
from projects.selectors import PROGRAMME_CARD_PILOTS, PROGRAMME_PAGE_PILOTS
from tests.factories import ProgrammeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def _programme_with(count: int, **programme):
    programme = ProgrammeFactory(slug="resilient-cities", **programme)
    for number in range(count):
        ProjectFactory(parent=programme, title=f"Pilot {number:02d}", slug=f"pilot-{number:02d}")
    ProjectFactory(
        parent=programme,
        title="Pilot 00 draft",
        status=PublicationStatus.DRAFT,
        published_at=None,
    )
    return programme


def _programme_card(html: str) -> str:
    return re.search(r'<section class="nested-pilots".*?</section>', html, re.S).group(0)


def _named(html: str) -> list[str]:
    """The titles of the pilots linked, in order, without the marks of their language."""
    links = re.findall(r'<a href="(?:/ar)?/projects/pilot-[^"]+">(.*?)</a>', html)
    return [re.sub(r"<[^>]+>", "", title) for title in links]


def test_a_programmes_card_names_its_first_pilots_and_links_to_all_of_them(client):
    _programme_with(PROGRAMME_CARD_PILOTS + 2)

    card = _programme_card(client.get("/projects/?kind=programme").content.decode())

    assert _named(card) == [f"Pilot {n:02d}" for n in range(PROGRAMME_CARD_PILOTS)]
    assert (
        f'<a href="/projects/?parent=resilient-cities">See all {PROGRAMME_CARD_PILOTS + 2} '
        "pilots of this programme</a>"
    ) in card
    # The link's page lists every published pilot of the programme, and no draft.
    listed = client.get("/projects/?parent=resilient-cities").content.decode()
    assert sorted(set(_named(listed))) == [f"Pilot {n:02d}" for n in range(7)]


def test_a_programme_whose_pilots_all_show_has_no_link(client):
    _programme_with(PROGRAMME_CARD_PILOTS)

    html = client.get("/projects/?kind=programme").content.decode()
    page = client.get("/projects/resilient-cities/").content.decode()

    assert len(_named(_programme_card(html))) == PROGRAMME_CARD_PILOTS
    assert "?parent=" not in html and "?parent=" not in page
    assert "Pilot 00 draft" not in html and "Pilot 00 draft" not in page


def test_a_programmes_page_names_its_first_twenty_pilots_and_links_to_all_in_arabic(client):
    _programme_with(PROGRAMME_PAGE_PILOTS + 3)

    page = client.get("/ar/projects/resilient-cities/").content.decode()

    # Untranslated titles in the order of the title they show (English), whatever the language.
    assert _named(page) == [f"Pilot {n:02d}" for n in range(PROGRAMME_PAGE_PILOTS)]
    assert (
        '<a href="/ar/projects/?parent=resilient-cities">عرض المشاريع التجريبية الـ23 لهذا'
        " البرنامج</a>"
    ) in page


def test_a_programmes_pilots_are_in_the_order_of_the_title_each_shows(client):
    programme = ProgrammeFactory(slug="resilient-cities")
    for title, arabic in (("Beta", ""), ("Alpha", ""), ("Gamma", "ألف")):
        ProjectFactory(parent=programme, title=f"Pilot 0 {title}", title_ar=arabic)

    english = _named(_programme_card(client.get("/projects/?kind=programme").content.decode()))
    arabic = _named(client.get("/ar/projects/resilient-cities/").content.decode())

    assert english == ["Pilot 0 Alpha", "Pilot 0 Beta", "Pilot 0 Gamma"]
    # In Arabic the translated title shows, and sorts, where the others show their English.
    assert arabic == [
        "Pilot 0 Alpha",
        "Pilot 0 Beta",
        "ألف",
    ]


def test_two_programmes_on_a_page_each_name_their_own_first_pilots(client):
    first = _programme_with(PROGRAMME_CARD_PILOTS + 1)
    second = ProgrammeFactory(slug="healthy-cities", title="Healthy cities")
    for number in range(3):
        ProjectFactory(parent=second, title=f"Pilot 9{number}", slug=f"pilot-9{number}")

    html = client.get("/projects/?kind=programme").content.decode()

    cards = dict(
        re.findall(
            r'<a href="/projects/([a-z-]+)/">[^<]+</a></h3>.*?(<section.*?</section>)', html, re.S
        )
    )
    assert _named(cards[first.slug]) == [f"Pilot {n:02d}" for n in range(PROGRAMME_CARD_PILOTS)]
    assert "?parent=resilient-cities" in cards[first.slug]
    assert _named(cards[second.slug]) == ["Pilot 90", "Pilot 91", "Pilot 92"]
    assert "?parent=" not in cards[second.slug]
