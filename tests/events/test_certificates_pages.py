"""The public page confirms a genuine code or says there is none; the holder downloads the PDF."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from core.roles import UN_STAFF
from events.services import registration_mark_attendance
from tests.factories import (
    CertificateFactory,
    EventFactory,
    OrganizationFactory,
    RegistrationFactory,
    TrainingSeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_it_confirms_a_genuine_code_at_the_short_address(client):
    CertificateFactory(
        user=UserFactory(name="Amal Haddad"),
        series=TrainingSeriesFactory(title="Disaster risk governance series"),
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


def test_it_says_an_unknown_code_is_not_a_certificate(client):
    CertificateFactory(verification_code="abc123XYZ")

    response = client.get("/certificates/abc123xyz/")

    assert response.status_code == 404
    assert "Certificate not found" in response.content.decode()
    assert "This certificate is valid" not in response.content.decode()


def test_it_redirects_the_old_address_to_the_short_one(client):
    response = client.get("/events/certificates/abc123XYZ/")

    assert response.status_code == 301
    assert response["Location"] == "/certificates/abc123XYZ/"


def test_it_lets_the_holder_download_a_pdf_and_nobody_else():
    certificate = CertificateFactory(
        series=TrainingSeriesFactory(slug="drr-series"), verification_code="abc123XYZ"
    )
    url = "/certificates/abc123XYZ/certificate.pdf"

    response = signed_in(certificate.user).get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="certificate-drr-series.pdf"' in response["Content-Disposition"]
    assert signed_in(UserFactory()).get(url).status_code == 404
    assert signed_in(UserFactory(roles=[UN_STAFF])).get(url).status_code == 200
    assert Client().get(url).status_code == 302


def test_it_walks_a_participant_from_every_session_to_a_verified_certificate():
    organizer = OrganizationFactory(name="UNDRR Global Education and Training Institute")
    series = TrainingSeriesFactory(
        title="Urban resilience online series", sessions_required_for_certificate=0
    )
    series.organizers.add(organizer)
    start = timezone.now() - dt.timedelta(days=10)
    participant = UserFactory(name="Nadia Fares")
    for day in range(2):
        event = EventFactory(
            series=series,
            starts_at=start + dt.timedelta(days=day),
            ends_at=start + dt.timedelta(days=day, hours=2),
        )
        registration = RegistrationFactory(user=participant, event=event)
        registration_mark_attendance(registration=registration, attended=True)
    client = signed_in(participant)

    mine = client.get("/certificates/mine/").content.decode()
    assert "Urban resilience online series" in mine
    code = participant.certificates.get().verification_code
    pdf = client.get(f"/certificates/{code}/certificate.pdf")
    assert pdf.content.startswith(b"%PDF")
    verified = Client().get(f"/certificates/{code}/").content.decode()
    assert "This certificate is valid" in verified
    assert "Nadia Fares" in verified


def test_it_shows_an_empty_list_to_someone_without_certificates():
    response = signed_in(UserFactory()).get("/certificates/mine/")

    assert "You have no certificate yet" in response.content.decode()
