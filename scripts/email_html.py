#!/usr/bin/env python3
"""Prints the text/html part of one email message (for `make screenshots`,
which shows the demo's email in Chromium at 600 px).

    email_html.py MESSAGE.eml > email.html
"""
import email
import email.policy
import sys

with open(sys.argv[1], "rb") as file:
    message = email.message_from_binary_file(file, policy=email.policy.default)
sys.stdout.write(message.get_body(("html",)).get_content())
