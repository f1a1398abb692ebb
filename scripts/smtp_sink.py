#!/usr/bin/env python3
"""A real SMTP server on loopback for the email tests (aiosmtpd).

    smtp_sink.py FOLDER [--user USER --password PASSWORD] [--stall rcpt|data-end] [--reject]

Listens on 127.0.0.1 on a free port and prints "port N" once it accepts
connections. Each message received is written to FOLDER/NNN.eml exactly as it
arrived (CRLF, after SMTP dot-unstuffing), with FOLDER/NNN.json beside it: the
envelope sender and recipients and the login used, if any (never the
password). The .eml file is renamed into place last, so a reader that sees it
sees both. With --user, AUTH PLAIN/LOGIN is offered without TLS (loopback
only) and only that user and password are accepted. With --stall, the server
goes silent for an hour at one point, as a hung or overloaded server does:
"rcpt" never answers the first RCPT TO (before any message data); "data-end"
writes the message as above, then never answers the final "." (the sender
cannot know whether it was taken). With --reject, every message is refused
with "554" after its final "." (and not written). Runs until its standard input closes or it
is terminated.
"""
import argparse
import asyncio
import json
import logging
import os
import socket
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


STALL_SECONDS = 3600


class Sink:
    def __init__(self, folder, stall=None, reject=False):
        self.folder = folder
        self.stall = stall
        self.reject = reject
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.stall == "rcpt":
            await asyncio.sleep(STALL_SECONDS)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.reject:
            return "554 5.7.1 message refused by policy"
        with self.lock:
            self.count += 1
            base = os.path.join(self.folder, "%03d" % self.count)
        login = session.login_data.decode() if isinstance(session.login_data, bytes) else None
        with open(base + ".json", "w") as out:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "authenticated": bool(session.authenticated), "login": login}, out)
        with open(base + ".eml.part", "wb") as out:
            out.write(envelope.original_content)
        os.rename(base + ".eml.part", base + ".eml")
        if self.stall == "data-end":
            await asyncio.sleep(STALL_SECONDS)
        return "250 OK message accepted"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
    return check


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--stall", choices=["rcpt", "data-end"])
    parser.add_argument("--reject", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    port = free_port()
    options = {}
    # AUTH without TLS is what this loopback test server is for: no warning about it.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    if args.user:
        options = dict(authenticator=authenticator(args.user, args.password or ""),
                       auth_require_tls=False, auth_required=True)
    controller = Controller(Sink(args.folder, args.stall, args.reject), hostname="127.0.0.1", port=port, **options)
    controller.start()
    print("port %d" % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
