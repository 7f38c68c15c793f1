"""Expands an iCalendar feed with independent libraries, for Rhythm's feed tests.

Usage: expand_feed.py FEED.ics START END
START and END are ISO 8601 instants (2027-01-01T00:00:00+00:00). Prints a JSON list of the
occurrences python3-recurring-ical-events finds in [START, END), each with its UID,
summary, status and start/end as ISO 8601 with the offset of the event's own zone.
Parsing uses python3-icalendar; any problem it reports is printed to stderr and exits 1.
"""
import datetime
import json
import sys

import icalendar
import recurring_ical_events


def main():
    path, start_text, end_text = sys.argv[1:4]
    with open(path, "rb") as feed:
        data = feed.read()
    if b"\n" in data.replace(b"\r\n", b""):
        print("the feed has a line that does not end in CRLF", file=sys.stderr)
        return 1
    calendar = icalendar.Calendar.from_ical(data)
    problems = [error for component in calendar.walk() for error in getattr(component, "errors", [])]
    if problems:
        print("icalendar reported: %r" % (problems,), file=sys.stderr)
        return 1
    start = datetime.datetime.fromisoformat(start_text)
    end = datetime.datetime.fromisoformat(end_text)
    found = []
    for event in recurring_ical_events.of(calendar).between(start, end):
        event_start = event["DTSTART"].dt
        event_end = event["DTEND"].dt
        found.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "status": str(event.get("STATUS", "")),
            "start": event_start.isoformat(),
            "end": event_end.isoformat(),
            "location": str(event.get("LOCATION", "")),
        })
    found.sort(key=lambda item: (datetime.datetime.fromisoformat(item["start"]), item["uid"]))
    json.dump(found, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
