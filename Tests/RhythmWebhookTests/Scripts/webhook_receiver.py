#!/usr/bin/env python3
"""A loopback webhook receiver for Rhythm's tests, written independently of the Swift code.

  webhook_receiver.py verify SECRET ID TIMESTAMP SIGNATURE < body
      exits 0 when SIGNATURE is a valid Standard Webhooks signature of the body, 1 otherwise.
  webhook_receiver.py serve SECRET RECORD_FILE
      serves HTTP on 127.0.0.1 on a free port, prints the port on one line, and appends one JSON
      line per request to RECORD_FILE: path, headers, body and whether the signature verified.
      Routes on the path before any "?": /ok 200, /busy 429 Retry-After: 7, /down 503, /gone 410,
      /bad 400, /redirect 302 to /ok, /slow never answers; anything else 404.
"""
import base64
import hashlib
import hmac
import http.server
import json
import sys
import threading
import time


def key_from_secret(secret):
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_"):])
    return secret.encode("utf-8")


def verify(secret, msg_id, timestamp, signature_header, body):
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key_from_secret(secret), signed, hashlib.sha256).digest()).decode()
    for candidate in signature_header.split(" "):
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


def serve(secret, record_file):
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body are written separately: without TCP_NODELAY the body waits for the
        # client's delayed ACK (40 ms), which would make every request look slow.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            verified = None
            if "webhook-signature" in headers:
                verified = verify(secret, headers.get("webhook-id", ""), headers.get("webhook-timestamp", ""),
                                  headers["webhook-signature"], body)
            with lock, open(record_file, "a") as record:
                record.write(json.dumps({"path": self.path, "headers": headers,
                                         "body": body.decode("utf-8", "replace"), "verified": verified}) + "\n")
            route = self.path.split("?")[0]
            if route == "/slow":
                time.sleep(60)
                return
            status, extra = {
                "/ok": (200, {}), "/busy": (429, {"Retry-After": "7"}), "/down": (503, {}),
                "/gone": (410, {}), "/bad": (400, {}), "/redirect": (302, {"Location": "/ok"}),
            }.get(route, (404, {}))
            reply = b"received"
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    if sys.argv[1] == "verify":
        ok = verify(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.stdin.buffer.read())
        sys.exit(0 if ok else 1)
    serve(sys.argv[2], sys.argv[3])
