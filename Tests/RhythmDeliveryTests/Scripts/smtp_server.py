"""A loopback SMTP server with scripted behaviours, for RhythmDelivery's integration tests.

Usage: smtp_server.py PORT_FILE OUTPUT_DIR [--cert CERT --key KEY] [--user USER --password PASSWORD]

Runs Debian's aiosmtpd on 127.0.0.1 on a free port and writes the port to PORT_FILE. With a
certificate it offers STARTTLS and requires it before MAIL; without one it offers no TLS at
all. With a user it requires AUTH (PLAIN or LOGIN). What happens depends on the recipient's
local part:
  ok@          250
  transient@   451 at RCPT, always
  flaky@       451 at RCPT the first time, 250 afterwards
  permanent@   550 at RCPT
  drop@        takes the message, then closes the connection without a reply
  drop-once@   like drop@ the first time a Message-ID is seen, 250 afterwards
  stall@       never answers RCPT
  stall-data@  takes the message and never answers the end of DATA
Every message the server takes is written to OUTPUT_DIR/msg-N.eml (the bytes as received)
next to msg-N.json (envelope and login), each renamed into place complete.
"""

import argparse
import asyncio
import itertools
import json
import os
import re
import ssl

from aiosmtpd.smtp import SMTP, AuthResult

counter = itertools.count(1)


class Handler:
    def __init__(self, output):
        self.output = output
        self.seen_flaky = set()
        self.seen_message_ids = set()

    def record(self, session, envelope):
        number = next(counter)
        base = os.path.join(self.output, f"msg-{number}")
        login = getattr(getattr(session, "auth_data", None), "login", None)
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": login.decode() if isinstance(login, bytes) else None,
        }
        for suffix, data in ((".json", json.dumps(meta).encode()), (".eml", envelope.original_content)):
            with open(base + suffix + ".tmp", "wb") as f:
                f.write(data)
            os.rename(base + suffix + ".tmp", base + suffix)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local == "transient":
            return "451 4.3.0 Try again later, please"
        if local == "flaky" and address not in self.seen_flaky:
            self.seen_flaky.add(address)
            return "451 4.7.1 Greylisted, come back soon"
        if local == "permanent":
            return "550 5.1.1 Mailbox unavailable: no such user"
        if local == "stall":
            await asyncio.sleep(3600)
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        locals_ = {address.split("@")[0].lower() for address in envelope.rcpt_tos}
        match = re.search(rb"^Message-ID:\s*(\S+)", envelope.original_content, re.M | re.I)
        message_id = match.group(1) if match else b""
        self.record(session, envelope)
        if "drop" in locals_ or ("drop-once" in locals_ and message_id not in self.seen_message_ids):
            self.seen_message_ids.add(message_id)
            server.transport.abort()
            return "250 never seen"
        if "stall-data" in locals_:
            await asyncio.sleep(3600)
        return "250 2.0.0 Queued as rhythm-test"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port_file")
    parser.add_argument("output")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    options = parser.parse_args()

    tls_context = None
    if options.cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(options.cert, options.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == options.user and auth_data.password.decode() == options.password
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    handler = Handler(options.output)

    def factory():
        return SMTP(
            handler,
            hostname="rhythm-test.invalid",
            decode_data=False,
            tls_context=tls_context,
            require_starttls=tls_context is not None,
            auth_required=options.user is not None,
            auth_require_tls=tls_context is not None,
            authenticator=authenticator if options.user else None,
        )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", 0))
    port = server.sockets[0].getsockname()[1]
    with open(options.port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(options.port_file + ".tmp", options.port_file)
    loop.run_forever()


if __name__ == "__main__":
    main()
