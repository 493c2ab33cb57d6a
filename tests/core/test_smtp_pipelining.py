"""The SMTP backend sends a message's envelope in one write to a server that offers PIPELINING,
keeps smtplib's conversation with one that does not, and reports refusals as smtplib does (the
outbox decides from them whether to try again)."""

import email
import os
import smtplib
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.mail import EmailMessage

from core.smtp import EmailBackend
from notifications.delivery import is_transient

REPO_ROOT = Path(__file__).resolve().parents[2]
SENDER = "noreply@cities.example"
OFFICIAL = "official@tripoli.example"
PARTNER = "partner@shenzhen.example"


class _HangUp(Exception):
    """The server closes the connection after its reply."""


class FakeMailServer:
    """A one-connection SMTP server on a thread, answering from a script.

    Offering PIPELINING, it reads the whole envelope (MAIL, the RCPTs, DATA) before it answers
    any of it, as a server may: a client that waited for the reply to MAIL would wait forever
    (the socket's timeout ends the test). Not offering it, it refuses a command that arrives
    before the previous one was answered ("554 synchronization error", as Exim does).

    `replies` overrides the answer to a verb ("MAIL", "DATA", "END" for the end of the data) or
    to a recipient's RCPT; after a 421, or a reply whose key is in `hang_up_after`, it closes.
    """

    def __init__(self, *, pipelining=True, replies=None, hang_up_after=()):
        self.pipelining = pipelining
        self.replies = replies or {}
        self.hang_up_after = set(hang_up_after)
        self.commands: list[str] = []
        self.messages: list[bytes] = []
        self.empty_messages = 0
        self.abandoned_data = False
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def verbs(self) -> list[str]:
        return [command.split(" ", 1)[0].split(":", 1)[0].upper() for command in self.commands]

    def _serve(self):
        connection, _address = self.listener.accept()
        connection.settimeout(10)
        self.buffer = b""
        with connection:
            self.socket = connection
            connection.sendall(b"220 fake ESMTP\r\n")
            try:
                self._converse()
            except (_HangUp, OSError):  # OSError: the client went without QUIT
                return

    def _line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            chunk = self.socket.recv(65536)
            if not chunk:
                raise _HangUp
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def _answer(self, key, default):
        reply = self.replies.get(key, default)
        self.socket.sendall(reply.encode() + b"\r\n")
        if reply.startswith("421") or key in self.hang_up_after:
            raise _HangUp

    def _converse(self):
        envelope = []
        while True:
            command = self._line().decode()
            self.commands.append(command)
            verb = command.split(" ", 1)[0].split(":", 1)[0].upper()
            if verb in ("MAIL", "RCPT", "DATA"):
                envelope.append(command)
                if not self.pipelining and self.buffer:
                    self.socket.sendall(b"554 Synchronization error\r\n")
                    raise _HangUp
                if self.pipelining and verb != "DATA":
                    continue  # answered together once DATA has come
                self._answer_envelope(envelope)
                envelope = []
            elif verb == "EHLO":
                extensions = ["250-fake", "250-8BITMIME", "250 SIZE 1000000"]
                if self.pipelining:
                    extensions.insert(1, "250-PIPELINING")
                self.socket.sendall(("\r\n".join(extensions) + "\r\n").encode())
            elif verb == "RSET":
                self.socket.sendall(b"250 Reset\r\n")
            elif verb == "QUIT":
                self.socket.sendall(b"221 Bye\r\n")
                return
            else:
                self.socket.sendall(b"500 What\r\n")

    def _answer_envelope(self, envelope):
        for command in envelope:
            # smtplib writes its verbs in lower case ("mail FROM:"), the backend in upper.
            verb = command[:4].upper()
            if verb == "MAIL":
                self._answer("MAIL", "250 Sender OK")
            elif verb == "RCPT":
                address = command.split("<", 1)[1].split(">", 1)[0]
                self._answer(address, "250 Recipient OK")
            else:
                self._answer("DATA", "354 Go ahead")
                if self.replies.get("DATA", "354").startswith("354"):
                    self._read_message()

    def _read_message(self):
        content = []
        try:
            while (line := self._line()) != b".":
                # A dot the client doubled at a line's start goes (RFC 5321, 4.5.2).
                content.append((line[1:] if line.startswith(b"..") else line) + b"\r\n")
        except _HangUp:
            self.abandoned_data = True  # never ended: not delivered
            raise
        queued = self.replies.get("END", "250").startswith("250")
        if content and queued:
            self.messages.append(b"".join(content))
        elif not content:
            self.empty_messages += 1
        self._answer("END", "250 Queued")

    def close(self):
        self.thread.join(timeout=10)
        self.listener.close()


@pytest.fixture
def server_with():
    servers = []

    def start(**options):
        servers.append(FakeMailServer(**options))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def _message(to=(OFFICIAL,), body="Weekly digest") -> EmailMessage:
    return EmailMessage("Your weekly digest", body, SENDER, list(to))


def _open(server):
    backend = EmailBackend(host="127.0.0.1", port=server.port, timeout=5)
    backend.open()
    return backend.connection


def _sendmail(connection, message):
    return connection.sendmail(SENDER, message.to, message.message().as_bytes())


def test_it_sends_the_envelope_at_once_to_a_server_that_offers_pipelining(server_with):
    server = server_with()
    body = "Bonjour Tripoli,\n.\n..two dots\nالنشرة الأسبوعية\n"
    backend = EmailBackend(host="127.0.0.1", port=server.port, timeout=5)

    sent = backend.send_messages([_message(to=[OFFICIAL, PARTNER], body=body)])

    assert sent == 1
    assert server.verbs[1:] == ["MAIL", "RCPT", "RCPT", "DATA", "QUIT"]
    assert " size=" in server.commands[1]  # the server said how large a message it takes
    received = email.message_from_bytes(server.messages[0])
    assert received["Subject"] == "Your weekly digest"
    # Lines end in CRLF on the wire; the dots at their starts arrive as they were written.
    assert received.get_payload(decode=True).decode().replace("\r\n", "\n") == body


def test_it_keeps_smtplibs_conversation_with_a_server_without_pipelining(server_with):
    server = server_with(pipelining=False)
    backend = EmailBackend(host="127.0.0.1", port=server.port, timeout=5)

    assert backend.send_messages([_message(), _message(to=[PARTNER])]) == 2

    assert len(server.messages) == 2
    assert server.verbs[1:] == ["MAIL", "RCPT", "DATA", "MAIL", "RCPT", "DATA", "QUIT"]


def test_a_message_goes_to_the_recipients_the_server_accepts(server_with):
    server = server_with(replies={PARTNER: "550 No such user"})
    connection = _open(server)

    refused = _sendmail(connection, _message(to=[OFFICIAL, PARTNER]))
    connection.quit()

    assert refused == {PARTNER: (550, b"No such user")}  # what smtplib returns
    assert len(server.messages) == 1


def _outcome(server):
    """What sending one message to OFFICIAL raises, and whether the same connection then
    delivers the next message (what the outbox does with the rest of a batch)."""
    connection = _open(server)
    with pytest.raises(smtplib.SMTPException) as raised:
        _sendmail(connection, _message())
    next_delivered = False
    if connection.sock is not None:
        server.replies = {}
        _sendmail(connection, _message(to=[PARTNER]))
        next_delivered = True
        connection.quit()
    return raised.value, next_delivered


@pytest.mark.parametrize(
    ("replies", "error", "code"),
    [
        ({"MAIL": "550 Sender rejected", "DATA": "503 No sender"}, smtplib.SMTPSenderRefused, 550),
        ({OFFICIAL: "550 No such user", "DATA": "554 No valid recipients"}, None, 550),
        ({"END": "552 Message too big"}, smtplib.SMTPDataError, 552),
        ({"DATA": "451 Try again"}, smtplib.SMTPDataError, 451),
    ],
)
def test_a_refusal_raises_smtplibs_error_and_the_connection_goes_on(
    server_with, replies, error, code
):
    server = server_with(replies=replies)

    refusal, next_delivered = _outcome(server)

    if error is None:
        assert isinstance(refusal, smtplib.SMTPRecipientsRefused)
        assert refusal.recipients == {OFFICIAL: (code, b"No such user")}
    else:
        assert isinstance(refusal, error)
        assert refusal.smtp_code == code
    assert is_transient(refusal) == (code < 500)
    assert "RSET" in server.verbs
    assert next_delivered
    assert len(server.messages) == 1  # the next message only


def test_every_recipient_refused_but_data_taken_ends_it_empty_and_delivers_nothing(server_with):
    server = server_with(replies={OFFICIAL: "550 No such user"})  # DATA answered 354 all the same

    refusal, next_delivered = _outcome(server)

    assert isinstance(refusal, smtplib.SMTPRecipientsRefused)
    assert server.empty_messages == 1  # ended at once, as RFC 2920 asks
    assert next_delivered
    assert len(server.messages) == 1


def test_a_server_that_takes_a_recipient_after_refusing_the_sender_gets_no_message(server_with):
    server = server_with(replies={"MAIL": "550 Sender rejected"})  # RCPT and DATA taken

    refusal, next_delivered = _outcome(server)

    assert isinstance(refusal, smtplib.SMTPSenderRefused)
    assert refusal.smtp_code == 550
    assert not next_delivered  # the connection was dropped rather than the data ended
    server.close()
    assert server.abandoned_data
    assert server.messages == []
    assert server.empty_messages == 0


@pytest.mark.parametrize(
    ("replies", "hang_up_after", "error", "code"),
    [
        # A refusal, then the server hangs up (Exim's "drop"): still the refusal, as smtplib.
        ({"MAIL": "550 Sender rejected"}, {"MAIL"}, smtplib.SMTPSenderRefused, 550),
        ({OFFICIAL: "550 No such user"}, {OFFICIAL}, smtplib.SMTPRecipientsRefused, 550),
        # 421: the server is closing. smtplib's error is that of the first command refused.
        ({"MAIL": "421 Shutting down"}, (), smtplib.SMTPSenderRefused, 421),
        ({OFFICIAL: "421 Shutting down"}, (), smtplib.SMTPRecipientsRefused, 421),
        ({"DATA": "421 Shutting down"}, (), smtplib.SMTPDataError, 421),
        ({"MAIL": "550 Sender rejected", OFFICIAL: "421 Too many errors"}, (), None, 550),
    ],
)
def test_a_server_hanging_up_raises_smtplibs_error_for_the_first_refusal(
    server_with, replies, hang_up_after, error, code
):
    server = server_with(replies=replies, hang_up_after=hang_up_after)

    refusal, next_delivered = _outcome(server)

    assert isinstance(refusal, error or smtplib.SMTPSenderRefused)
    if isinstance(refusal, smtplib.SMTPRecipientsRefused):
        assert refusal.recipients[OFFICIAL][0] == code
    else:
        assert refusal.smtp_code == code
    # The outbox retries a 421 and gives up on a 550, whatever the server did next.
    assert is_transient(refusal) == (code == 421)
    assert not next_delivered
    assert server.messages == []


def test_a_large_envelope_goes_the_unpipelined_way(server_with):
    server = server_with()
    recipients = [f"reader{number}@tripoli.example" for number in range(200)]
    connection = _open(server)
    server.pipelining = False  # from here on, a command sent before a reply is refused

    assert _sendmail(connection, _message(to=recipients)) == {}
    connection.quit()

    assert server.verbs.count("RCPT") == 200
    assert len(server.messages) == 1


@pytest.mark.parametrize("address", ["smtp://mail.example:25", "smtp+ssl://mail.example:465"])
def test_an_smtp_address_in_the_environment_uses_this_backend(address):
    variables = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ENV", "EMAIL_URL"}}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "from django.core.mail import get_connection; "
            "print(type(get_connection()).__module__, get_connection().connection_class.__name__)",
        ],
        cwd=REPO_ROOT,
        env={**variables, "DJANGO_SETTINGS_MODULE": "config.settings", "EMAIL_URL": address},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    expected = "PipeliningSMTP_SSL" if "ssl" in address else "PipeliningSMTP"
    assert result.stdout.split() == ["core.smtp", expected]
