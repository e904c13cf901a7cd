#!/usr/bin/env python3
"""Serves ui/dist for screenshots with the app's Content-Security-Policy and the fake IPC.

Usage: serve.py PORT  (from ui/). The CSP is read from ../tauri.conf.json, so the build is
looked at under the same rules as in the app."""
import http.server
import json
import pathlib
import sys

UI = pathlib.Path(__file__).resolve().parents[2]
CONF = json.loads((UI.parent / "tauri.conf.json").read_text())
CSP = "; ".join(f"{k} {v}" for k, v in CONF["app"]["security"]["csp"].items())
FAKE = (pathlib.Path(__file__).parent / "fake-ipc.js").read_bytes()


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(UI / "dist"), **kwargs)

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/fake-ipc.js":
            return self.send_bytes(FAKE, "text/javascript")
        if path in ("/", "/index.html"):
            html = (UI / "dist" / "index.html").read_text()
            html = html.replace("<head>", '<head>\n    <script src="/fake-ipc.js"></script>', 1)
            return self.send_bytes(html.encode(), "text/html")
        return super().do_GET()

    def send_bytes(self, body, kind):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
