import pytest

from events.models import RegistrationStatus
from tests.factories import (
    CertificateFactory,
    EventFactory,
    RegistrationFactory,
    TrainingSeriesFactory,
    UserFactory,
)


@pytest.mark.django_db
def test_it_describes_a_registration_with_person_event_and_status():
    registration = RegistrationFactory(
        user=UserFactory(name="Nadia Karam"),
        event=EventFactory(title="Early-warning webinar"),
        status=RegistrationStatus.WAITLISTED,
    )

    assert str(registration) == "Nadia Karam at Early-warning webinar (Waitlisted)"


@pytest.mark.django_db
def test_it_describes_a_certificate_with_series_and_holder():
    certificate = CertificateFactory(
        user=UserFactory(name="Li Wei"), series=TrainingSeriesFactory(title="Resilience series")
    )

    assert str(certificate) == "Resilience series certificate for Li Wei"
    assert str(certificate.series) == "Resilience series"
