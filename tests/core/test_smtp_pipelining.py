"""The SMTP backend sends a message's envelope in one write to a server that offers PIPELINING,
keeps smtplib's conversation with one that does not, and reports refusals as smtplib does."""

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

REPO_ROOT = Path(__file__).resolve().parents[2]


class _Closing(Exception):
    """The server answered 421: it says goodbye and closes the connection."""


class FakeMailServer:
    """A one-connection SMTP server on a thread, answering from a script.

    Offering PIPELINING, it reads the whole envelope (MAIL, the RCPTs, DATA) before it answers
    any of it, as a server may: a client that waited for the reply to MAIL would wait forever
    (the socket's timeout ends the test). `replies` overrides the answer to a verb ("MAIL",
    "DATA", "END" for the end of the data) or to a recipient's RCPT.
    """

    def __init__(self, *, pipelining=True, replies=None):
        self.pipelining = pipelining
        self.replies = replies or {}
        self.commands: list[str] = []
        self.messages: list[bytes] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _reply(self, key, default):
        return self.replies.get(key, default)

    def _serve(self):
        connection, _address = self.listener.accept()
        connection.settimeout(10)
        with connection, connection.makefile("rb") as lines:
            write = connection.sendall
            write(b"220 fake ESMTP\r\n")
            envelope = []
            try:
                self._converse(lines, write, envelope)
            except _Closing:
                return

    def _converse(self, lines, write, envelope):
        while line := lines.readline():
            command = line.rstrip(b"\r\n").decode()
            self.commands.append(command)
            verb = command.split(" ", 1)[0].split(":", 1)[0].upper()
            if verb == "EHLO":
                extensions = ["250-fake", "250-8BITMIME"]
                if self.pipelining:
                    extensions.append("250-PIPELINING")
                write(("\r\n".join(extensions) + "\r\n250 SIZE 1000000\r\n").encode())
            elif verb in ("MAIL", "RCPT", "DATA"):
                envelope.append(command)
                if self.pipelining and verb != "DATA":
                    continue  # answered together once DATA has come
                self._answer_envelope(envelope, write, lines)
                envelope = []
            elif verb == "RSET":
                write(b"250 Reset\r\n")
            elif verb == "QUIT":
                write(b"221 Bye\r\n")
                return
            else:
                write(b"500 What\r\n")

    @staticmethod
    def _answer(write, reply):
        write(reply.encode() + b"\r\n")
        if reply.startswith("421"):
            raise _Closing

    def _answer_envelope(self, envelope, write, lines):
        for command in envelope:
            # smtplib writes its verbs in lower case ("mail FROM:"), the backend in upper.
            if command.upper().startswith("MAIL"):
                self._answer(write, self._reply("MAIL", "250 Sender OK"))
            elif command.upper().startswith("RCPT"):
                address = command.split("<", 1)[1].split(">", 1)[0]
                self._answer(write, self._reply(address, "250 Recipient OK"))
            else:
                data_reply = self._reply("DATA", "354 Go ahead")
                self._answer(write, data_reply)
                if data_reply.startswith("354"):
                    self._read_message(write, lines)

    def _read_message(self, write, lines):
        content = []
        while (line := lines.readline()) != b".\r\n":
            # A dot the client doubled at a line's start goes (RFC 5321, 4.5.2).
            content.append(line[1:] if line.startswith(b"..") else line)
        if content:
            self.messages.append(b"".join(content))
        self._answer(write, self._reply("END", "250 Queued"))

    @property
    def verbs(self) -> list[str]:
        return [command.split(" ", 1)[0].split(":", 1)[0].upper() for command in self.commands]

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


def _send(server, *, to=("official@tripoli.example",), body="Weekly digest"):
    backend = EmailBackend(host="127.0.0.1", port=server.port, timeout=5)
    message = EmailMessage(
        subject="Your weekly digest",
        body=body,
        from_email="noreply@cities.example",
        to=list(to),
        connection=backend,
    )
    return message.send()


def test_it_sends_the_envelope_at_once_to_a_server_that_offers_pipelining(server_with):
    server = server_with()
    body = "Bonjour Tripoli,\n.\n..two dots\nالنشرة الأسبوعية\n"

    sent = _send(server, to=["official@tripoli.example", "partner@shenzhen.example"], body=body)

    assert sent == 1
    assert server.verbs[1:] == ["MAIL", "RCPT", "RCPT", "DATA", "QUIT"]
    assert " size=" in server.commands[1]  # the server said how large a message it takes
    received = email.message_from_bytes(server.messages[0])
    assert received["Subject"] == "Your weekly digest"
    # Lines end in CRLF on the wire; the dots at their starts arrive as they were written.
    assert received.get_payload(decode=True).decode().replace("\r\n", "\n") == body


def test_it_keeps_smtplibs_conversation_with_a_server_without_pipelining(server_with):
    server = server_with(pipelining=False)

    assert _send(server) == 1

    assert len(server.messages) == 1
    assert server.verbs[1:] == ["MAIL", "RCPT", "DATA", "QUIT"]


def test_a_message_goes_to_the_recipients_the_server_accepts(server_with):
    server = server_with(replies={"gone@shenzhen.example": "550 No such user"})

    assert _send(server, to=["official@tripoli.example", "gone@shenzhen.example"]) == 1

    assert len(server.messages) == 1


@pytest.mark.parametrize(
    "data_reply",
    [
        "554 No valid recipients",  # what RFC 2920 asks of the server
        "354 Go ahead",  # a server that takes DATA all the same: the client ends it empty
    ],
)
def test_every_recipient_refused_raises_and_sends_nothing(server_with, data_reply):
    server = server_with(
        replies={"official@tripoli.example": "550 No such user", "DATA": data_reply}
    )

    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        _send(server)

    assert refused.value.recipients == {"official@tripoli.example": (550, b"No such user")}
    assert server.messages == []
    assert "RSET" in server.verbs


def test_a_refused_sender_raises_and_sends_nothing(server_with):
    server = server_with(replies={"MAIL": "550 Sender rejected", "DATA": "503 No sender"})

    with pytest.raises(smtplib.SMTPSenderRefused) as refused:
        _send(server)

    assert refused.value.smtp_code == 550
    assert server.messages == []
    assert "RSET" in server.verbs


def test_a_refused_message_raises_a_data_error(server_with):
    server = server_with(replies={"END": "552 Message too big"})

    with pytest.raises(smtplib.SMTPDataError) as refused:
        _send(server)

    assert refused.value.smtp_code == 552
    assert "RSET" in server.verbs


@pytest.mark.parametrize(
    ("replies", "error"),
    [
        ({"MAIL": "421 Shutting down"}, smtplib.SMTPSenderRefused),
        ({"official@tripoli.example": "421 Shutting down"}, smtplib.SMTPRecipientsRefused),
        ({"DATA": "421 Shutting down"}, smtplib.SMTPDataError),
    ],
)
def test_a_server_shutting_down_raises_smtplibs_error_and_closes_the_connection(
    server_with, replies, error
):
    server = server_with(replies=replies)
    backend = EmailBackend(host="127.0.0.1", port=server.port, timeout=5)
    message = EmailMessage("Digest", "Body", "noreply@cities.example", ["official@tripoli.example"])

    backend.open()
    with pytest.raises(error):
        backend.connection.sendmail(message.from_email, message.to, message.message().as_bytes())

    assert backend.connection.sock is None  # closed, as smtplib closes it on a 421
    assert server.messages == []


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
