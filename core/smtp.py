"""Django's SMTP email backend, sending each message in two round trips where the server allows.

smtplib waits for the server's reply to every command: MAIL FROM, each RCPT TO, DATA, then the
message. A mail server that advertises PIPELINING (RFC 2920; Postfix, Exim and the email
services do) takes MAIL, the RCPTs and DATA in one write and answers them together, so a message
costs two waits instead of four. A digest is 100,000 messages sent one after another over a few
connections; in its profile, smtplib's `sendmail` was 29 % of a pool process's time, half of it
waiting for replies. A server that does not advertise it gets smtplib's own conversation.

What a refusal raises is what smtplib would raise for the same replies, decided in smtplib's
order (the sender, then the recipients, then DATA), since the outbox tells a retry from a
permanent failure by it (notifications.delivery.is_transient): the sender refused
(`SMTPSenderRefused`), a recipient answered 421 or every recipient refused
(`SMTPRecipientsRefused`), the data refused (`SMTPDataError`). A refusal the server follows by
hanging up is still that refusal. After a refusal, RSET forgets the transaction; a 421 (the
server is closing) closes the connection.
"""

import smtplib

from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend

CRLF = b"\r\n"
# RFC 2920 (3.1): a client that writes a group of commands without reading the replies keeps
# the group within the TCP send window, or both ends may block writing. An envelope larger than
# this (hundreds of recipients) goes the unpipelined way; an outbox email has one recipient.
MAX_PIPELINED_BYTES = 4000
ACCEPTED_RECIPIENT = (250, 251)


def _refusal(replies, refused, from_addr, to_addrs) -> smtplib.SMTPException | None:
    """smtplib's exception for these replies to MAIL, the RCPTs and DATA (as many as were read;
    reading stops at a 421) and the recipients they refused, or None when they let the message
    be sent, or when they are cut short before they say (the caller then raises the
    disconnection)."""
    (mail_code, mail_reply), *rest = replies
    if mail_code != 250:
        return smtplib.SMTPSenderRefused(mail_code, mail_reply, from_addr)
    recipient_codes = [code for code, _reply in rest[: len(to_addrs)]]
    if 421 in recipient_codes:
        return smtplib.SMTPRecipientsRefused(refused)
    if len(recipient_codes) < len(to_addrs):
        return None
    if len(refused) == len(to_addrs):
        return smtplib.SMTPRecipientsRefused(refused)
    if len(rest) > len(to_addrs) and rest[-1][0] != 354:
        return smtplib.SMTPDataError(*rest[-1])
    return None


class _Pipelining:
    """`sendmail` for smtplib.SMTP and SMTP_SSL, pipelined when the server offers it."""

    def sendmail(self, from_addr, to_addrs, msg, mail_options=(), rcpt_options=()):
        self.ehlo_or_helo_if_needed()
        if isinstance(to_addrs, str):
            to_addrs = [to_addrs]
        if isinstance(msg, str):
            msg = smtplib._fix_eols(msg).encode("ascii")
        size = f" size={len(msg)}" if self.has_extn("size") else ""
        commands = [f"MAIL FROM:{smtplib.quoteaddr(from_addr)}{size}"]
        commands += [f"RCPT TO:{smtplib.quoteaddr(address)}" for address in to_addrs]
        commands.append("DATA")
        envelope = "".join(f"{command}\r\n" for command in commands)
        if (
            not self.has_extn("pipelining")
            or mail_options
            or rcpt_options
            or len(envelope) > MAX_PIPELINED_BYTES
            # smtplib refuses a line break inside a command, or a command not in ASCII: let it.
            or any("\r" in command or "\n" in command for command in commands)
            or not envelope.isascii()
        ):
            return super().sendmail(from_addr, to_addrs, msg, mail_options, rcpt_options)

        self.send(envelope.encode("ascii"))  # the server answers each command in order
        replies, disconnected = [], None
        try:
            for _command in commands:
                replies.append(self.getreply())
                if replies[-1][0] == 421:  # the server is closing: nothing follows
                    self.close()
                    break
        except smtplib.SMTPServerDisconnected as error:  # getreply has closed the connection
            disconnected = error
        # zip stops at the replies read: the RCPTs' come before DATA's.
        refused = {
            address: (code, reply)
            for address, (code, reply) in zip(to_addrs, replies[1:], strict=False)
            if code not in ACCEPTED_RECIPIENT
        }
        refusal = _refusal(replies, refused, from_addr, to_addrs) if replies else None
        if refusal is None and (disconnected or self.sock is None):
            raise disconnected or smtplib.SMTPServerDisconnected("Connection closed (421)")
        if refusal is not None:
            if self.sock is not None:
                self._forget_transaction(replies[1:-1], data_accepted=replies[-1][0] == 354)
            raise refusal

        # As smtplib.SMTP.data: a line that starts with a dot gets a second one, then the end mark.
        content = smtplib._quote_periods(msg)
        if content[-2:] != CRLF:
            content += CRLF
        self.send(content + b"." + CRLF)
        code, reply = self.getreply()
        if code != 250:
            if code == 421:
                self.close()
            else:
                self._rset()
            raise smtplib.SMTPDataError(code, reply)
        return refused

    def _forget_transaction(self, recipient_replies, *, data_accepted):
        """After a refusal, leave the connection ready for the next message, delivering nothing."""
        if data_accepted:
            if any(code in ACCEPTED_RECIPIENT for code, _reply in recipient_replies):
                # A server that took a recipient and DATA after refusing the sender: ending the
                # data, even empty, could deliver it; a transaction never ended is not delivered
                # (RFC 5321, 4.1.1.4), so the connection goes instead.
                self.close()
                return
            # Every recipient refused, DATA taken all the same: end it empty (RFC 2920, 3.1).
            try:
                self.send(b"." + CRLF)
                self.getreply()
            except smtplib.SMTPServerDisconnected:
                return
        self._rset()  # as smtplib: a server gone by now does not hide the refusal


class PipeliningSMTP(_Pipelining, smtplib.SMTP):
    pass


class PipeliningSMTP_SSL(_Pipelining, smtplib.SMTP_SSL):
    pass


class EmailBackend(DjangoSMTPBackend):
    """Django's SMTP backend over a connection that pipelines the envelope (see above)."""

    @property
    def connection_class(self):
        return PipeliningSMTP_SSL if self.use_ssl else PipeliningSMTP
