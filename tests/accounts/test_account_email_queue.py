"""Account emails (password reset, address confirmation) go to a worker on the transactional
queue; without a broker the person still gets theirs, sent from the request."""

from unittest import mock

import pytest
from django.core import mail
from kombu.exceptions import OperationalError

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def ask_for_a_reset(client):
    return client.post("/accounts/password/reset/", {"email": "omar@example.org"})


def test_it_hands_the_rendered_email_to_the_transactional_task(client):
    UserFactory(email="omar@example.org")

    with mock.patch("accounts.tasks.send_account_email.delay") as delay:
        ask_for_a_reset(client)

    [payload] = [call.args[0] for call in delay.call_args_list]
    assert payload["to"] == ["omar@example.org"]
    assert "/accounts/password/reset/key/" in payload["body"]
    assert mail.outbox == []  # the worker sends it, not the request


def test_it_sends_from_the_request_when_the_broker_is_down(client):
    UserFactory(email="omar@example.org")
    broker_down = mock.patch(
        "accounts.tasks.send_account_email.delay",
        side_effect=OperationalError("Error 111 connecting to 127.0.0.1:6399."),
    )

    with broker_down:
        response = ask_for_a_reset(client)

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["omar@example.org"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
