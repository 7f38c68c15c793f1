"""A loopback HTTP receiver for RhythmDelivery's transport tests.

Usage: http_receiver.py PORT_FILE

Listens on 127.0.0.1 on a free port, writes the port to PORT_FILE, and answers by path:
  /ok        200 with the request body echoed back
  /redirect  302 to /ok (the transport must not follow it)
  /busy      429 with Retry-After: 7
  /broken    503
  /missing   404
Every answer carries X-Client-Port (to show connection reuse) and X-Echo-Path (so tests can
check that a secret path is redacted from reply lines).
"""

import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path.split("?")[0]
        status, extra = 200, {}
        if path.endswith("/redirect"):
            status, extra = 302, {"Location": "/ok"}
        elif path.endswith("/busy"):
            status, extra = 429, {"Retry-After": "7"}
        elif path.endswith("/broken"):
            status = 503
        elif path.endswith("/missing"):
            status = 404
        self.send_response(status)
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("X-Client-Port", str(self.client_address[1]))
        self.send_header("X-Echo-Path", self.path)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = answer
    do_POST = answer
    do_PUT = answer


def main():
    port_file = sys.argv[1]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
