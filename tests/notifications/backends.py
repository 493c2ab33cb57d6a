"""Email backends for tests: count connections, fail on demand, or write one file per message."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class CountingBackend(LocmemBackend):
    opened = 0

    def open(self):
        type(self).opened += 1
        return super().open()


class FailingBackend(LocmemBackend):
    """Raises `error` for every message (set on the class by the test)."""

    error: Exception | None = None

    def send_messages(self, messages):
        raise type(self).error


class MessageFileBackend(LocmemBackend):
    """One file per message in $TEST_MAIL_DIR, so a test can count what each recipient got.

    TEST_MAIL_DELAY seconds of sleep before each send give a test time to kill the worker mid-batch.
    """

    def send_messages(self, messages):
        folder = Path(os.environ["TEST_MAIL_DIR"])
        delay = float(os.environ.get("TEST_MAIL_DELAY", "0"))
        for message in messages:
            time.sleep(delay)
            name = f"{message.to[0]}--{uuid.uuid4().hex}.eml"
            (folder / name).write_bytes(message.message().as_bytes())
        return len(messages)
