"""Django's SMTP email backend, sending each message in two round trips where the server allows.

smtplib waits for the server's reply to every command: MAIL FROM, each RCPT TO, DATA, then the
message. A mail server that advertises PIPELINING (RFC 2920; Postfix, Exim and the email
services do) takes MAIL, the RCPTs and DATA in one write and answers them together, so a message
costs two waits instead of four. A digest is 100,000 messages sent one after another over a few
connections; in its profile, smtplib's `sendmail` was 29 % of a pool process's time, half of it
waiting for replies. A server that does not advertise it gets smtplib's own conversation.

The replies are read in order, and a refusal raises smtplib's own exception, as `sendmail` does:
the sender refused (`SMTPSenderRefused`), every recipient refused (`SMTPRecipientsRefused`), the
data refused (`SMTPDataError`). When the server accepts DATA although something before it was
refused, an empty message ends it (`.`) and RSET forgets the transaction, so nothing is sent.
"""

import smtplib

from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend

CRLF = b"\r\n"


class _Pipelining:
    """`sendmail` for smtplib.SMTP and SMTP_SSL, pipelined when the server offers it."""

    def sendmail(self, from_addr, to_addrs, msg, mail_options=(), rcpt_options=()):
        self.ehlo_or_helo_if_needed()
        if not self.has_extn("pipelining") or mail_options or rcpt_options:
            return super().sendmail(from_addr, to_addrs, msg, mail_options, rcpt_options)
        if isinstance(msg, str):
            msg = smtplib._fix_eols(msg).encode("ascii")
        if isinstance(to_addrs, str):
            to_addrs = [to_addrs]
        mail_parameters = f" size={len(msg)}" if self.has_extn("size") else ""
        commands = [f"MAIL FROM:{smtplib.quoteaddr(from_addr)}{mail_parameters}"]
        commands += [f"RCPT TO:{smtplib.quoteaddr(address)}" for address in to_addrs]
        commands.append("DATA")
        # One write for the whole envelope; the server answers each command in order.
        self.send("".join(f"{command}\r\n" for command in commands).encode("ascii"))

        # The replies, in the order of the commands. A 421 says the server is closing the
        # connection: nothing follows it, and smtplib's exception for that command is raised.
        replies = []
        for _command in commands:
            replies.append(self.getreply())
            if replies[-1][0] == 421:
                self.close()
                break
        (mail_code, mail_reply), *rcpt_replies = replies
        data_code, data_reply = (
            rcpt_replies.pop() if len(rcpt_replies) > len(to_addrs) else (None, b"")
        )
        refused = {
            address: (code, reply)
            for address, (code, reply) in zip(to_addrs, rcpt_replies, strict=False)
            if code not in (250, 251)
        }
        if self.sock is None:  # closed on a 421
            if mail_code == 421:
                raise smtplib.SMTPSenderRefused(mail_code, mail_reply, from_addr)
            if data_code is None:
                raise smtplib.SMTPRecipientsRefused(refused)
            raise smtplib.SMTPDataError(data_code, data_reply)

        if mail_code != 250 or len(refused) == len(to_addrs) or data_code != 354:
            if data_code == 354:
                # The server waits for a message we will not send: end it empty, then forget it.
                self.send(b"." + CRLF)
                self.getreply()
            self._rset()  # as smtplib: a server gone by now does not hide the refusal
            if mail_code != 250:
                raise smtplib.SMTPSenderRefused(mail_code, mail_reply, from_addr)
            if len(refused) == len(to_addrs):
                raise smtplib.SMTPRecipientsRefused(refused)
            raise smtplib.SMTPDataError(data_code, data_reply)

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


class PipeliningSMTP(_Pipelining, smtplib.SMTP):
    pass


class PipeliningSMTP_SSL(_Pipelining, smtplib.SMTP_SSL):
    pass


class EmailBackend(DjangoSMTPBackend):
    """Django's SMTP backend over a connection that pipelines the envelope (see above)."""

    @property
    def connection_class(self):
        return PipeliningSMTP_SSL if self.use_ssl else PipeliningSMTP
