"""What an outbox email looks like on the wire: as the standard library writes it, only cheaper."""

import email.header
from email.policy import compat32

import pytest

from notifications import delivery
from tests.factories import OutboxEmailFactory

pytestmark = pytest.mark.django_db

LONG_LINK = "<https://portal.example/unsubscribe/" + "a" * 120 + "/>"


def _row():
    return OutboxEmailFactory(
        subject="Votre résumé hebdomadaire : 12 nouveaux éléments",
        text_body="Bonjour.\n",
        html_body="<p>Bonjour.</p>",
        headers={"Content-Language": "fr", "List-Unsubscribe": LONG_LINK},
    )


def test_it_writes_the_same_bytes_as_the_default_policy_folding_only_what_needs_it(monkeypatch):
    message = delivery._message(_row(), None).message()
    folded = []
    encode = email.header.Header.encode

    def counting(self, *args, **kwargs):
        folded.append(str(self))
        return encode(self, *args, **kwargs)

    monkeypatch.setattr(email.header.Header, "encode", counting)
    fast = message.as_bytes(linesep="\r\n")
    folded_fast = len(folded)
    message.policy = compat32
    standard = message.as_bytes(linesep="\r\n")

    assert fast == standard
    # The non-ASCII subject, the over-long link and the multipart Content-Type with its
    # boundary; every other header is written as it is.
    assert folded_fast == 3, folded


def test_it_gives_an_email_the_same_boundary_on_every_attempt():
    row = _row()

    first = delivery._message(row, None).message()
    second = delivery._message(row, None).message()

    assert first.get_boundary() is not None
    assert first.get_boundary() == second.get_boundary()
    assert first.get_boundary() not in row.text_body + row.html_body
