"""A local web server for the fetcher's tests: saved pages, redirects, slow answers and wrong content types.
Prints its port on the first line of stdout. Routes:
  /page/<file>          a file from --pages, as text/html; charset=utf-8
  /latin1               a Latin-1 page declared in a <meta charset>
  /gzip                 a gzip-encoded page
  /redirect/<n>         n redirects, then /page/article.html
  /loop                 redirects to itself
  /to/<host>            a redirect to http://<host>/
  /slow                 waits 5 s before answering
  /pdf, /image          binary content types
  /big                  6 MiB of text/html
  /status/<code>        that status
  /robots.txt           rules for FactCheck: /private/ disallowed except /private/open (reads counted)
  /private/<name>       a page
  /robots-reads         how many times /robots.txt was read
  /etag                 a page with ETag "v1", answered 304 to If-None-Match: "v1"
  /etag-stats           "<full answers> <304 answers>" for /etag
"""
import argparse
import gzip
import http.server
import os
import sys
import time


ROBOTS = """# Another crawler is kept out; FactCheck has its own group.
User-agent: OtherBot
Disallow: /

User-agent: FactCheck
Disallow: /private/
Allow: /private/open$
"""


class Handler(http.server.BaseHTTPRequestHandler):
    pages = "."
    robots_reads = 0
    etag_full = 0
    etag_not_modified = 0

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location):
        self.send(302, headers=[("Location", location)])

    def do_GET(self):
        path = self.path
        if path.startswith("/page/"):
            name = os.path.basename(path[len("/page/"):])
            with open(os.path.join(self.pages, name), "rb") as f:
                self.send(200, f.read())
        elif path == "/latin1":
            body = "<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body><p>São Tomé is an island nation in the Gulf of Guinea, off the west coast of Central Africa.</p></body></html>"
            self.send(200, body.encode("latin-1"), content_type="text/html")
        elif path == "/gzip":
            body = b"<html><body><article><p>Gzip bodies are decoded by the fetcher before the text is extracted from them.</p></article></body></html>"
            self.send(200, gzip.compress(body), headers=[("Content-Encoding", "gzip")])
        elif path.startswith("/redirect/"):
            n = int(path.split("/")[2])
            self.redirect(f"/redirect/{n - 1}" if n > 1 else "/page/article.html")
        elif path == "/loop":
            self.redirect("/loop")
        elif path.startswith("/to/"):
            self.redirect("http://" + path[len("/to/"):] + "/")
        elif path == "/slow":
            time.sleep(5)
            self.send(200, b"<p>late</p>")
        elif path == "/pdf":
            self.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", content_type="application/pdf")
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n", content_type="image/png")
        elif path == "/big":
            self.send(200, b"<p>" + b"a" * (6 << 20) + b"</p>")
        elif path == "/robots.txt":
            Handler.robots_reads += 1
            self.send(200, ROBOTS.encode(), content_type="text/plain")
        elif path == "/robots-reads":
            self.send(200, str(Handler.robots_reads).encode(), content_type="text/plain")
        elif path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                Handler.etag_not_modified += 1
                self.send(304, headers=[("ETag", '"v1"')])
            else:
                Handler.etag_full += 1
                self.send(200, b"<html><body><article><p>A page that says when it has not changed since the copy a client keeps.</p></article></body></html>",
                          headers=[("ETag", '"v1"'), ("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT")])
        elif path == "/etag-stats":
            self.send(200, f"{Handler.etag_full} {Handler.etag_not_modified}".encode(), content_type="text/plain")
        elif path.startswith("/private/"):
            self.send(200, b"<html><body><article><p>A page the site's robots.txt speaks about, with enough words to be read.</p></article></body></html>")
        elif path.startswith("/status/"):
            self.send(int(path.split("/")[2]), b"<p>status</p>")
        else:
            self.send(404, b"not found")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", required=True)
    args = parser.parse_args()
    Handler.pages = args.pages
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    os.close(1)  # the port line is all the test reads
    server.serve_forever()


if __name__ == "__main__":
    main()
