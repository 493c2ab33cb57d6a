import threading

import pytest
from django.db import connection

from events.models import Registration, RegistrationStatus
from events.services import registration_register
from tests.factories import EventFactory, UserFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_gives_the_last_seat_to_exactly_one_of_several_people_racing_for_it():
    event = EventFactory(capacity=1)
    users = UserFactory.create_batch(6, password=None)
    start_together = threading.Barrier(len(users))
    errors = []

    def register(user):
        try:
            start_together.wait()
            registration_register(user=user, event=event)
        except Exception as error:  # surfaced in the main thread below
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.REGISTERED) == 1
    assert statuses.count(RegistrationStatus.WAITLISTED) == len(users) - 1
