"""A local SMTP server that accepts every message and counts it: `python bench/smtp_sink.py PORT STATE`.

It writes {"messages", "recipients", "duplicates", "first_at", "last_at"} to the STATE file a few
times a second, so the runner can tell when delivery stopped and whether anyone got a message twice
(a digest per reader and period must arrive once, even across reruns).

It stands in for the mail server, which in production runs on another machine, so it should take
as little of this machine as it can. It speaks just enough SMTP for smtplib (EHLO/HELO, MAIL,
RCPT, DATA, RSET, NOOP, QUIT), and offers PIPELINING as mail servers do: it answers commands in
the order they come, however many arrive at once (core.smtp sends a message's envelope in one
write). It reads a message's data in one read up to its end mark. aiosmtpd, used before, read
the data line by line, with a debug log call per line: 0.6 ms of CPU per digest email, a sixth of
the machine's CPU while a digest was sent.
"""

import asyncio
import json
import os
import sys
import time

# A digest is tens of kB; an email is never near this.
MAX_MESSAGE_BYTES = 2**24
END_OF_DATA = b"\r\n.\r\n"


class Counter:
    def __init__(self):
        self.messages = 0
        self.seen = set()
        self.duplicates = 0
        self.first_at = None
        self.last_at = None

    def count(self, recipients: list[str], content: bytes) -> None:
        subject = ""
        for line in content.split(b"\r\n"):
            if not line:
                break
            if line.lower().startswith(b"subject:"):
                subject = line[8:].strip().decode("utf-8", "replace")
        now = time.time()
        self.messages += 1
        for recipient in recipients:
            key = (recipient.lower(), subject)
            if key in self.seen:
                self.duplicates += 1
            self.seen.add(key)
        self.first_at = self.first_at or now
        self.last_at = now

    def snapshot(self) -> dict:
        return {
            "messages": self.messages,
            "recipients": len(self.seen),
            "duplicates": self.duplicates,
            "first_at": self.first_at,
            "last_at": self.last_at,
        }


def _address(argument: bytes) -> str:
    """The address of `TO:<someone@example.org>` (parameters after it ignored)."""
    text = argument.decode("utf-8", "replace").split(":", 1)[-1].strip()
    if text.startswith("<"):
        text = text[1 : text.find(">")]
    return text.split(" ", 1)[0]


async def session(reader, writer, counter: Counter) -> None:
    writer.write(b"220 bench-sink ESMTP\r\n")
    recipients: list[str] = []
    try:
        while line := await reader.readline():
            verb, _space, argument = line.rstrip(b"\r\n").partition(b" ")
            verb = verb.upper()
            if verb == b"EHLO":
                writer.write(
                    b"250-bench-sink\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SMTPUTF8\r\n"
                )
            elif verb in (b"HELO", b"NOOP"):
                writer.write(b"250 OK\r\n")
            elif verb in (b"MAIL", b"RSET"):
                recipients = []
                writer.write(b"250 OK\r\n")
            elif verb == b"RCPT":
                recipients.append(_address(argument))
                writer.write(b"250 OK\r\n")
            elif verb == b"DATA":
                writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                await writer.drain()
                # smtplib doubles a dot that starts a line, so only the end mark is this.
                content = await reader.readuntil(END_OF_DATA)
                counter.count(recipients, content[: -len(END_OF_DATA)])
                recipients = []
                writer.write(b"250 Message accepted for delivery\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 Bye\r\n")
                await writer.drain()
                break
            else:
                writer.write(b"500 Command not recognized\r\n")
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


def write_state(path: str, state: dict) -> None:
    temporary = f"{path}.tmp"
    with open(temporary, "w") as handle:
        json.dump(state, handle)
    os.replace(temporary, path)


async def serve(port: int, state_path: str) -> None:
    counter = Counter()
    server = await asyncio.start_server(
        lambda reader, writer: session(reader, writer, counter),
        "127.0.0.1",
        port,
        limit=MAX_MESSAGE_BYTES,
    )
    async with server:
        while True:
            write_state(state_path, counter.snapshot())
            await asyncio.sleep(0.2)


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), sys.argv[2]))
