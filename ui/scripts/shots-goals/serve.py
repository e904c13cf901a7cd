#!/usr/bin/env python3
"""Serves ui/dist for screenshots of the Goals and Insights places, with the app's CSP, the
seeded data (seed.js, from seed.py) and this folder's fake IPC.

Usage: serve.py PORT  (from ui/). A copy of scripts/shots/serve.py that injects two scripts."""
import http.server
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
UI = HERE.parents[1]
CONF = json.loads((UI.parent / "tauri.conf.json").read_text())
CSP = "; ".join(f"{k} {v}" for k, v in CONF["app"]["security"]["csp"].items())
SCRIPTS = {"/seed.js": HERE / "seed.js", "/fake-ipc.js": HERE / "fake-ipc.js"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(UI / "dist"), **kwargs)

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?")[0].split("#")[0]
        if path in SCRIPTS:
            return self.send_bytes(SCRIPTS[path].read_bytes(), "text/javascript")
        if path in ("/", "/index.html"):
            html = (UI / "dist" / "index.html").read_text()
            tags = "".join(f'\n    <script src="{name}"></script>' for name in SCRIPTS)
            html = html.replace("<head>", "<head>" + tags, 1)
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
