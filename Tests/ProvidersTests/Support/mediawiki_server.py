#!/usr/bin/env python3
"""A local MediaWiki action API for tests: answers `list=search` and `prop=extracts|revisions|info` in the real API's
JSON (formatversion=2) over the articles of a JSONL file ({title, url, text, published?}, the layout of
../shared/data/articles/evidence.jsonl). Wiki markup headings (==History==) become plain lines and wrapped lines are
joined, as TextExtracts' plain-text output gives them.

Paths that make it misbehave, for error handling tests:
  /w/api.php                 the API
  /slow/SECONDS/w/api.php    the API, after a delay
  /status/CODE/w/api.php     that HTTP status with an error body
  /malformed/w/api.php       a body that is not JSON
  /wrong-shape/w/api.php     JSON without the expected fields
  /api-error/w/api.php       MediaWiki's {"error": {...}} answer
  /empty/w/api.php           no search results
Prints the port on stdout, then serves until killed. Counts requests per path in /requests (for checking that a
provider asked at all).
"""
import argparse
import json
import re
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from local_server import serve_on_free_port  # noqa: E402

ARTICLES = []
REQUESTS = {}
LOCK = threading.Lock()


def plain_text(text):
    """Wiki headings as plain lines, single line breaks inside a paragraph joined."""
    text = re.sub(r"^=+\s*(.*?)\s*=+\s*$", r"\n\1\n", text, flags=re.M)
    paragraphs = re.split(r"\n\s*\n", text)
    lines = []
    for paragraph in paragraphs:
        joined = re.sub(r"\s*\n\s*", " ", paragraph.strip())
        if joined:
            lines.append(joined)
    return "\n".join(lines)


def words(text):
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def search(query, limit):
    terms = words(query)
    scored = []
    for index, article in enumerate(ARTICLES):
        title_hits = len(terms & words(article["title"]))
        text_hits = len(terms & words(article["text"]))
        if title_hits + text_hits:
            scored.append((-(3 * title_hits + text_hits), index, article))
    scored.sort()
    return [article for _, _, article in scored[:limit]]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json; charset=utf-8"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        with LOCK:
            REQUESTS[url.path] = REQUESTS.get(url.path, 0) + 1
        if url.path == "/requests":
            with LOCK:
                return self.send(200, json.dumps(REQUESTS))
        parts = url.path.strip("/").split("/")
        mode = parts[0] if parts[:1] != ["w"] else "api"
        if mode == "slow":
            time.sleep(float(parts[1]))
        if mode == "status":
            return self.send(int(parts[1]), json.dumps({"error": {"code": "http", "info": "failure"}}))
        if mode == "malformed":
            return self.send(200, '{"batchcomplete": true, "query": {"search": [')
        if mode == "wrong-shape":
            return self.send(200, json.dumps({"batchcomplete": True, "warnings": {}}))
        if mode == "api-error":
            return self.send(200, json.dumps({"error": {"code": "internal_api_error_DBQueryError", "info": "Database query error."}}))
        query = {key: values[0] for key, values in parse_qs(url.query, keep_blank_values=True).items()}
        if query.get("format") != "json" or query.get("action") != "query":
            return self.send(400, json.dumps({"error": {"code": "badvalue", "info": "Unrecognized value."}}))
        if query.get("list") == "search":
            hits = [] if mode == "empty" else search(query.get("srsearch", ""), int(query.get("srlimit", "10")))
            return self.send(200, json.dumps({"batchcomplete": True, "continue": {"sroffset": len(hits), "continue": "-||"},
                                              "query": {"searchinfo": {"totalhits": len(hits)},
                                                        "search": [{"ns": 0, "title": a["title"], "pageid": 1000 + ARTICLES.index(a)} for a in hits]}}))
        if query.get("prop", "").startswith("extracts"):
            title = query.get("titles", "")
            article = next((a for a in ARTICLES if a["title"] == title), None)
            if article is None:
                page = {"ns": 0, "title": title, "missing": True}
            else:
                page = {"pageid": 1000 + ARTICLES.index(article), "ns": 0, "title": article["title"], "extract": plain_text(article["text"]),
                        "revisions": [{"timestamp": article.get("published") or "2026-11-30T09:00:00Z"}], "contentmodel": "wikitext",
                        "pagelanguage": "en", "touched": "2026-11-30T09:00:00Z", "lastrevid": 123456, "length": len(article["text"]),
                        "fullurl": article["url"], "editurl": article["url"] + "?action=edit", "canonicalurl": article["url"]}
            return self.send(200, json.dumps({"batchcomplete": True, "query": {"pages": [page]}}))
        return self.send(400, json.dumps({"error": {"code": "badvalue", "info": "Unrecognized parameters."}}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", required=True, help="JSONL with title, url, text, published?")
    args = parser.parse_args()
    for line in open(args.articles, encoding="utf-8"):
        if line.strip():
            record = json.loads(line)
            published = record.get("published")
            if published and len(published) == 10:
                record["published"] = published + "T00:00:00Z"
            ARTICLES.append(record)
    serve_on_free_port(Handler)


if __name__ == "__main__":
    main()
