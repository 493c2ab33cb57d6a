import datetime as dt

import pytest

from tests.factories import CertificateFactory, TrainingSeriesFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_confirms_a_certificate_with_holder_series_and_date(client):
    CertificateFactory(
        user=UserFactory(name="Amal Haddad"),
        series=TrainingSeriesFactory(
            title="Disaster risk governance series", start_year=2021, end_year=2021
        ),
        issued_on=dt.date(2021, 12, 3),
        verification_code="abc123XYZ",
    )

    response = client.get("/certificates/abc123XYZ/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "This certificate is valid" in html
    assert "Amal Haddad" in html
    assert "Disaster risk governance series" in html
    assert 'datetime="2021-12-03"' in html


def test_it_says_clearly_that_an_unknown_code_is_not_a_certificate(client):
    CertificateFactory(verification_code="abc123XYZ")

    response = client.get("/certificates/abc123xyz/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Certificate not found</h1>" in html
    assert "abc123xyz" in html
    assert "This certificate is valid" not in html


def test_it_links_the_certificate_from_its_absolute_url(client):
    certificate = CertificateFactory()

    assert client.get(certificate.get_absolute_url()).status_code == 200
