#!/usr/bin/env python3
"""A minimal stand-in for the GitHub REST endpoints that the Action calls, for the container smoke test.

Listens on 127.0.0.1 only. GET /user returns 403, as for the default GITHUB_TOKEN. Comments on
pull request 7 can be listed, created and updated. Every request line and its Authorization header
are appended to the log file given as the second argument.
Usage: fake_github.py PORT LOGFILE
"""
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

COMMENTS = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _record(self, body=""):
        with open(sys.argv[2], "a", encoding="utf-8") as log:
            log.write(json.dumps({"method": self.command, "path": self.path,
                                  "authorization": self.headers.get("Authorization"), "body": body}) + "\n")

    def _send(self, status, payload):
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _comment(self, comment_id, body):
        return {"id": comment_id, "body": body, "html_url": f"http://127.0.0.1/pull/7#issuecomment-{comment_id}",
                "user": {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"},
                "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}

    def do_GET(self):
        self._record()
        if self.path.startswith("/api/v3/user"):
            self._send(403, {"message": "Resource not accessible by integration"})
        elif re.match(r"^/api/v3/repos/[^/]+/[^/]+/issues/7/comments", self.path):
            self._send(200, COMMENTS)
        else:
            self._send(404, {"message": "Not Found"})

    def _read_body(self):
        length = int(self.headers.get("Content-Length", "0"))
        return json.loads(self.rfile.read(length).decode("utf-8"))["body"]

    def do_POST(self):
        body = self._read_body()
        self._record(body)
        if not re.match(r"^/api/v3/repos/[^/]+/[^/]+/issues/7/comments$", self.path):
            self._send(404, {"message": "Not Found"})
            return
        comment = self._comment(1000 + len(COMMENTS), body)
        COMMENTS.append(comment)
        self._send(201, comment)

    def do_PATCH(self):
        body = self._read_body()
        self._record(body)
        match = re.match(r"^/api/v3/repos/[^/]+/[^/]+/issues/comments/(\d+)$", self.path)
        existing = [c for c in COMMENTS if match and c["id"] == int(match.group(1))]
        if not existing:
            self._send(404, {"message": "Not Found"})
            return
        existing[0]["body"] = body
        self._send(200, existing[0])


HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
