#!/usr/bin/env python3
"""A local stand-in for the Hugging Face Hub's file API, for the model-download tests.

Serves <root>/<owner>/<name>/<file> as GET /<owner>/<name>/resolve/<revision>/<file> the way the Hub does:
small files answered directly (ETag = git blob id, X-Repo-Commit), LFS files (*.safetensors) redirected with
302 to a CDN path carrying X-Linked-Etag (the SHA-256) and X-Linked-Size; the CDN honours Range requests.
Unknown paths answer 404 with X-Error-Code. Prints the port it listens on, then serves until killed.

Options: --drop-after N closes the first CDN response after N body bytes (an interrupted download);
--wrong-etag advertises a wrong SHA-256; --log FILE appends "<path> <Range header or ->" per request.
"""
import argparse
import hashlib
import http.server
import os
import re
import sys

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--drop-after", type=int, default=-1)
    parser.add_argument("--wrong-etag", action="store_true")
    parser.add_argument("--log")
    args = parser.parse_args()
    state = {"dropped": False}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def record(self):
            if args.log:
                with open(args.log, "a") as f:
                    f.write(f"{self.path} {self.headers.get('Range', '-')}\n")

        def not_found(self, code):
            body = b'{"error":"Entry not found"}'
            self.send_response(404)
            self.send_header("X-Error-Code", code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            self.record()
            cdn = re.fullmatch(r"/cdn/([^/]+/[^/]+)/(.+)", self.path)
            if cdn:
                return self.serve_file(os.path.join(args.root, cdn.group(1), cdn.group(2)), ranged=True)
            match = re.fullmatch(r"/([^/]+/[^/]+)/resolve/([^/]+)/(.+)", self.path)
            if not match:
                return self.not_found("RepoNotFound")
            repo, _revision, name = match.groups()
            path = os.path.join(args.root, repo, name)
            if not os.path.isdir(os.path.join(args.root, repo)):
                return self.not_found("RepoNotFound")
            if not os.path.isfile(path):
                return self.not_found("EntryNotFound")
            if name.endswith(".safetensors"):
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
                if args.wrong_etag:
                    digest = "0" * 64
                self.send_response(302)
                self.send_header("Location", f"/cdn/{repo}/{name}")
                self.send_header("X-Linked-Etag", f'"{digest}"')
                self.send_header("X-Linked-Size", str(os.path.getsize(path)))
                self.send_header("X-Repo-Commit", COMMIT)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.serve_file(path, ranged=False)

        def serve_file(self, path, ranged):
            with open(path, "rb") as f:
                data = f.read()
            start = 0
            match = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", "")) if ranged else None
            if match:
                start = int(match.group(1))
                if start >= len(data):
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(data)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            else:
                self.send_response(200)
                with open(path, "rb") as f:
                    self.send_header("ETag", '"' + hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest() + '"')
                self.send_header("X-Repo-Commit", COMMIT)
            body = data[start:]
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Accept-Ranges", "bytes")
            self.end_headers()
            if ranged and args.drop_after >= 0 and not state["dropped"]:
                state["dropped"] = True
                self.wfile.write(body[: args.drop_after])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    os.close(sys.stdout.fileno())  # EOF tells the test the port line is complete
    server.serve_forever()


if __name__ == "__main__":
    main()
