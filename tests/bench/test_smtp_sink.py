"""The bench's SMTP sink counts what a Django mail connection sends it, and sees duplicates."""

import json
import smtplib
import subprocess
import sys
import time

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend

from bench.tools import BASE_DIR, free_port
from core.smtp import EmailBackend as PipeliningBackend


@pytest.fixture
def sink(tmp_path):
    port, state = free_port(), tmp_path / "sink.json"
    process = subprocess.Popen(
        [sys.executable, "bench/smtp_sink.py", str(port), str(state)], cwd=BASE_DIR
    )
    deadline = time.monotonic() + 10
    while not state.exists() and time.monotonic() < deadline:
        time.sleep(0.05)

    def read():
        time.sleep(0.5)  # it writes its state five times a second
        return json.loads(state.read_text())

    yield port, read
    process.terminate()
    process.wait(timeout=10)


def _email(subject, to, connection):
    message = EmailMultiAlternatives(
        subject=subject,
        # A line that starts with a dot, and the end mark's look-alike inside a line.
        body="Bonjour Tripoli,\n.\n..hidden\nstill here \r\n.x\nالنشرة الأسبوعية",
        to=to,
        connection=connection,
    )
    message.attach_alternative("<p>" + "Shenzhen " * 5000 + "</p>", "text/html")
    return message


# Django's backend talks to it command by command; the portal's (core.smtp) pipelines.
@pytest.mark.parametrize("backend", [EmailBackend, PipeliningBackend])
def test_it_counts_each_message_and_recipient_over_one_connection(sink, backend):
    port, read = sink
    connection = backend(host="127.0.0.1", port=port, timeout=10)

    sent = connection.send_messages(
        [
            _email("Weekly digest", ["official@example.org"], connection),
            _email("Weekly digest", ["partner@example.org", "editor@example.org"], connection),
        ]
    )

    state = read()
    assert sent == 2
    assert state["messages"] == 2
    assert state["recipients"] == 3
    assert state["duplicates"] == 0
    assert state["first_at"] <= state["last_at"]


def test_it_sees_the_same_email_to_the_same_reader_twice(sink):
    port, read = sink

    for _ in range(2):
        connection = EmailBackend(host="127.0.0.1", port=port, timeout=10)
        connection.send_messages([_email("Weekly digest", ["Official@Example.org"], connection)])
    connection = EmailBackend(host="127.0.0.1", port=port, timeout=10)
    connection.send_messages([_email("Daily digest", ["official@example.org"], connection)])

    state = read()
    assert state["messages"] == 3
    assert state["duplicates"] == 1


def test_it_offers_pipelining_as_mail_servers_do(sink):
    port, _read = sink

    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.ehlo()
        assert client.has_extn("pipelining")
