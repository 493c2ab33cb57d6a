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


class CommitSettingBackend(LocmemBackend):
    """Records the database connection's synchronous_commit as each message is sent, then
    raises `error` if the test set one."""

    seen: list[str] = []
    error: Exception | None = None

    def send_messages(self, messages):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            type(self).seen.append(cursor.fetchone()[0])
        if type(self).error:
            raise type(self).error
        return super().send_messages(messages)


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
