"""The site pages are written in the six languages like the content: a page shows its
translation, or its original text marked with its own language, and UN staff translate it."""

import pytest
from django.test import Client

from portal.models import SitePage
from tests.factories import CityOfficialFactory, PartnerFactory, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_translated_page_reads_in_the_readers_language():
    page = SitePage.objects.get(slug="about")
    page.title_fr = "À propos du portail"
    page.body_fr = (
        "Le portail est géré par le **Bureau des Nations Unies pour la coopération Sud-Sud**."
    )
    page.save()

    html = Client().get("/fr/pages/about/").content.decode()

    assert "<h1>À propos du portail</h1>" in html
    assert "<strong>Bureau des Nations Unies pour la coopération Sud-Sud</strong>" in html


def test_an_untranslated_page_shows_its_original_text_in_its_own_direction():
    # The seeded pages come translated (portal/site_page_texts): a page staff added, or whose
    # Arabic they emptied, falls back to its original.
    page = SitePage.objects.get(slug="accessibility")
    SitePage.objects.filter(pk=page.pk).update(title_ar="", summary_ar="", body_ar="")

    html = Client().get("/ar/pages/accessibility/").content.decode()

    assert 'dir="rtl"' in html
    assert f'<h1><span lang="en" dir="ltr">{page.title_en}</span></h1>' in html


@pytest.mark.parametrize(
    ("make_user", "allowed"),
    [
        (None, False),
        (UserFactory, False),
        (CityOfficialFactory, False),
        (PartnerFactory, False),
        (StaffUserFactory, True),
    ],
)
def test_only_un_staff_translate_a_site_page(make_user, allowed):
    client = Client()
    if make_user:
        client.force_login(make_user())

    response = client.get("/pages/privacy/translate/fr/")

    assert (response.status_code == 200) == allowed
    if allowed:
        assert "Privacy" in response.content.decode()
