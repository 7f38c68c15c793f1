"""Parses an e-mail with Python's standard `email` package and prints what it found as JSON,
so RhythmDelivery's tests check Rhythm's MIME output with an independent reader.

Usage: parse_mime.py FILE

Prints: the decoded Subject, From, To and Message-ID, the defects Python noticed, the MIME
tree as a list of "depth content-type" strings, the decoded text of each text/* part, and
for a calendar part its METHOD and each event's SUMMARY and UID as python3-icalendar reads them.
"""

import json
import sys
from email import policy
from email.parser import BytesParser

import icalendar


def main():
    with open(sys.argv[1], "rb") as f:
        message = BytesParser(policy=policy.default).parse(f)
    tree, texts, calendars, attachments = [], {}, [], []
    defects = [str(d) for d in message.defects]

    def walk(part, depth):
        content_type = part.get_content_type()
        params = dict(part.get_params() or [])
        method = params.get("method")
        tree.append(f"{depth} {content_type}" + (f" method={method}" if method else ""))
        defects.extend(str(d) for d in part.defects)
        if part.is_multipart():
            for child in part.iter_parts():
                walk(child, depth + 1)
            return
        if part.get_content_disposition() == "attachment":
            attachments.append({"filename": part.get_filename(), "type": content_type})
        if content_type == "text/calendar" or content_type == "application/ics":
            data = part.get_payload(decode=True)
            calendar = icalendar.Calendar.from_ical(data)
            calendars.append({
                "method": str(calendar.get("METHOD")),
                "events": [{"summary": str(e.get("SUMMARY")), "uid": str(e.get("UID"))}
                           for e in calendar.walk("VEVENT")],
            })
        elif content_type.startswith("text/"):
            texts[content_type] = part.get_content()

    walk(message, 0)
    print(json.dumps({
        "subject": str(message["Subject"]),
        "from": str(message["From"]),
        "to": str(message["To"]),
        "messageID": str(message["Message-ID"]),
        "autoSubmitted": str(message["Auto-Submitted"]),
        "defects": defects,
        "tree": tree,
        "texts": texts,
        "calendars": calendars,
        "attachments": attachments,
    }))


if __name__ == "__main__":
    main()
