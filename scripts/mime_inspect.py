#!/usr/bin/env python3
"""Parses one email message with Python's email package and prints, as JSON,
what the email tests check: decoded headers, the raw header lines, each leaf
part (type, charset, transfer encoding, decoded content with LF line ends, or
base64 for an attachment's bytes, and its file name), parser defects, the
longest line in octets and whether any line ends in a bare LF.

"display_names" holds the names of From, To and Cc decoded by RFC 2047 as
written (section 6.2: the white space between two adjacent encoded words is not
part of the text), through the package's classic API. The modern parser
(policy.default, behind "to_names") turns that white space into a space inside
a display name (CPython gh-128110), so a long encoded name, which must be split
into several words, reads back with spaces that are not in it.

    mime_inspect.py MESSAGE.eml
"""
import base64
import email
import email.header
import email.policy
import email.utils
import json
import sys


def display_names(raw, field):
    """The display names of header `field`, decoded as RFC 2047 says."""
    classic = email.message_from_bytes(raw, policy=email.policy.compat32)
    values = [value.replace("\r\n", "").replace("\n", "") for value in classic.get_all(field, [])]
    return [str(email.header.make_header(email.header.decode_header(name))) if name else ""
            for name, _ in email.utils.getaddresses(values)]


def main():
    raw = open(sys.argv[1], "rb").read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
    lines = raw.replace(b"\r\n", b"\n").split(b"\n")
    parts, defects = [], [type(d).__name__ for d in message.defects]
    for part in message.walk():
        defects += [type(d).__name__ for d in part.defects]
        if part.is_multipart():
            continue
        content = part.get_content()
        parts.append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            # Text parts decode with the message's CRLF line ends: LF, as the sender wrote them;
            # an attachment's bytes are given in base64.
            "content": content.replace("\r\n", "\n") if isinstance(content, str) else base64.b64encode(content).decode("ascii"),
            "filename": part.get_filename(),
        })
    date = message["Date"]
    print(json.dumps({
        "content_type": message.get_content_type(),
        "headers": {key: str(value) for key, value in message.items()},
        "raw_headers": head.decode("ascii", "replace").replace("\r\n", "\n").split("\n"),
        "to": [address.addr_spec for address in message["To"].addresses] if message["To"] else [],
        "to_names": [address.display_name for address in message["To"].addresses] if message["To"] else [],
        "cc": [address.addr_spec for address in message["Cc"].addresses] if message["Cc"] else [],
        "from": message["From"].addresses[0].addr_spec if message["From"] else None,
        "display_names": {field: display_names(raw, field) for field in ("From", "To", "Cc")},
        "date_ok": bool(date) and email.utils.parsedate_to_datetime(str(date)) is not None,
        "parts": parts,
        "defects": defects,
        "max_line_octets": max(len(line) for line in lines),
        "crlf": b"\r\n" in raw,
        "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
