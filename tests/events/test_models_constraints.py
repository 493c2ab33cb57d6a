import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import PublicationStatus
from events.models import Certificate, Event, Registration, TrainingSeries
from tests.factories import (
    CertificateFactory,
    EventFactory,
    RegistrationFactory,
    TrainingSeriesFactory,
    UserFactory,
)


@pytest.mark.django_db
def test_it_refuses_a_second_registration_of_the_same_person_for_an_event():
    registration = RegistrationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(user=registration.user, event=registration.event)


@pytest.mark.django_db
def test_it_refuses_a_second_certificate_for_the_same_person_and_series():
    certificate = CertificateFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(user=certificate.user, series=certificate.series)


@pytest.mark.django_db
def test_it_refuses_two_certificates_with_the_same_verification_code():
    existing = CertificateFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateFactory(verification_code=existing.verification_code)


@pytest.mark.django_db
def test_it_gives_each_certificate_its_own_verification_code():
    series = TrainingSeriesFactory()
    codes = {CertificateFactory(series=series).verification_code for _ in range(5)}

    assert len(codes) == 5


@pytest.mark.django_db
def test_it_refuses_an_event_published_without_a_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(status=PublicationStatus.PUBLISHED, published_at=None)


@pytest.mark.django_db
def test_it_refuses_a_training_series_published_without_a_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingSeries.objects.create(
            title="Online series",
            slug="online-series",
            start_year=2020,
            status=PublicationStatus.PUBLISHED,
            published_at=None,
        )


@pytest.mark.django_db
def test_it_refuses_an_event_that_ends_before_it_starts():
    starts_at = timezone.now()

    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(starts_at=starts_at, ends_at=starts_at - dt.timedelta(minutes=1))


@pytest.mark.django_db
@pytest.mark.parametrize("capacity", [0, -5])
def test_it_refuses_an_event_without_a_positive_capacity(capacity):
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(capacity=capacity)


@pytest.mark.django_db
def test_it_accepts_an_event_with_no_capacity_limit():
    assert EventFactory(capacity=None).capacity is None


@pytest.mark.django_db
@pytest.mark.parametrize("closes_after_opening", [dt.timedelta(0), dt.timedelta(hours=-1)])
def test_it_refuses_a_registration_window_that_closes_before_it_opens(closes_after_opening):
    opens_at = timezone.now()

    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(
            registration_opens_at=opens_at,
            registration_closes_at=opens_at + closes_after_opening,
        )


@pytest.mark.django_db
def test_it_accepts_a_registration_window_in_order():
    opens_at = timezone.now()
    event = EventFactory(
        registration_opens_at=opens_at, registration_closes_at=opens_at + dt.timedelta(days=7)
    )

    assert Event.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_it_refuses_a_series_whose_last_year_comes_before_its_first():
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingSeriesFactory(start_year=2023, end_year=2020)


@pytest.mark.django_db
def test_it_accepts_a_series_within_a_single_year():
    series = TrainingSeriesFactory(start_year=2023, end_year=2023)

    assert series.years == "2023"


@pytest.mark.django_db
def test_it_lets_one_person_register_for_two_events():
    user = UserFactory()
    RegistrationFactory(user=user)
    RegistrationFactory(user=user)

    assert user.registrations.count() == 2
