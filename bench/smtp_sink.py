"""A local SMTP server that accepts every message and counts it: `python bench/smtp_sink.py PORT STATE`.

It writes {"messages", "recipients", "duplicates", "first_at", "last_at"} to the STATE file a few
times a second, so the runner can tell when delivery stopped and whether anyone got a message twice
(a digest per reader and period must arrive once, even across reruns).
"""

import json
import os
import sys
import threading
import time

from aiosmtpd.controller import Controller


class CountingHandler:
    def __init__(self):
        self.lock = threading.Lock()
        self.messages = 0
        self.seen = set()
        self.duplicates = 0
        self.first_at = None
        self.last_at = None

    async def handle_DATA(self, server, session, envelope):
        subject = ""
        for line in envelope.content.split(b"\r\n"):
            if not line:
                break
            if line.lower().startswith(b"subject:"):
                subject = line[8:].strip().decode("utf-8", "replace")
        now = time.time()
        with self.lock:
            self.messages += 1
            for recipient in envelope.rcpt_tos:
                key = (recipient.lower(), subject)
                if key in self.seen:
                    self.duplicates += 1
                self.seen.add(key)
            self.first_at = self.first_at or now
            self.last_at = now
        return "250 Message accepted for delivery"

    def snapshot(self) -> dict:
        with self.lock:
            return {
                "messages": self.messages,
                "recipients": len(self.seen),
                "duplicates": self.duplicates,
                "first_at": self.first_at,
                "last_at": self.last_at,
            }


def write_state(path: str, state: dict) -> None:
    temporary = f"{path}.tmp"
    with open(temporary, "w") as handle:
        json.dump(state, handle)
    os.replace(temporary, path)


def main(port: int, state_path: str) -> None:
    handler = CountingHandler()
    # Digests are a few kB; the default 32 MB limit is irrelevant, the line length is not.
    controller = Controller(handler, hostname="127.0.0.1", port=port, data_size_limit=None)
    controller.start()
    try:
        while True:
            write_state(state_path, handler.snapshot())
            time.sleep(0.2)
    finally:
        controller.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
