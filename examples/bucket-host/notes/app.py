"""A small notes service: answers /health and serves the notes it was started with as JSON.

Only the standard library, so the image needs nothing beyond Debian's python3 (or nixpkgs' python3).
"""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def notes_from(environment):
    """The notes: NOTES holds them separated by ";" (an environment variable is one line); empty ones are dropped."""
    return [note.strip() for note in environment.get("NOTES", "").split(";") if note.strip()]


def respond(path, notes):
    """(status, content type, body) for a GET of `path`."""
    if path == "/health":
        return 200, "text/plain; charset=utf-8", b"ok\n"
    if path in ("/", "/notes"):
        return 200, "application/json", json.dumps({"notes": notes}, indent=2).encode() + b"\n"
    return 404, "text/plain; charset=utf-8", b"not found\n"


class Handler(BaseHTTPRequestHandler):
    notes = []

    def do_GET(self):
        status, content_type, body = respond(self.path.split("?", 1)[0], self.notes)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        # One line per request on stdout, which the container's log driver ships.
        print("%s %s" % (self.address_string(), format % args), flush=True)


def main():
    Handler.notes = notes_from(os.environ)
    server = ThreadingHTTPServer((os.environ.get("HOST", "0.0.0.0"), int(os.environ.get("PORT", "8080"))), Handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
