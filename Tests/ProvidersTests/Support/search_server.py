#!/usr/bin/env python3
"""A local web search API and the web pages it finds, for tests: SearxNG's JSON format (`/search?q=…&format=json`)
the Brave Search API's (`/res/v1/web/search?q=…`, key in X-Subscription-Token, which must be `test-key`) and Google
Fact Check Tools' (`/v1alpha1/claims:search?query=…&key=test-key`, answering the ClaimReview records of --reviews), over
the articles of a JSONL file ({title, url?, publisher?, published?, text}). Each article is served as an HTML page
with navigation, a cookie banner and a footer around it at /pages/<n>, except those whose index is listed in
--blocked, which are at /blocked/<n>, a path the server's robots.txt disallows for FactCheck.

Paths that make it misbehave: /slow/SECONDS/…, /status/CODE/…, /malformed/… before the API path.
Prints the port on stdout, then serves until killed.
"""
import argparse
import html
import json
import os
import sys
import re
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from local_server import serve_on_free_port  # noqa: E402

ARTICLES = []
REVIEWS = []
BLOCKED = set()
ROBOTS = "User-agent: FactCheck\nDisallow: /blocked/\n"


def words(text):
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def search(query, limit):
    terms = words(query)
    scored = []
    for index, article in enumerate(ARTICLES):
        hits = 3 * len(terms & words(article["title"])) + len(terms & words(article["text"]))
        if hits:
            scored.append((-hits, index))
    scored.sort()
    return [index for _, index in scored[:limit]]


def page_path(index):
    return f"/{'blocked' if index in BLOCKED else 'pages'}/{index}"


def snippet(article):
    return re.sub(r"\s+", " ", article["text"])[:160]


def page(article):
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", article["text"]) if p.strip())
    published = f'<meta property="article:published_time" content="{article["published"]}">' if article.get("published") else ""
    return f"""<!doctype html><html><head><title>{html.escape(article['title'])} - {html.escape(article.get('publisher') or 'Example News')}</title>
<meta property="og:site_name" content="{html.escape(article.get('publisher') or 'Example News')}">{published}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>{html.escape(article['title'])}</h1>{paragraphs}</article>
<footer>Copyright Example News. All rights reserved.</footer></body></html>"""


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
        parts = url.path.strip("/").split("/")
        if parts[0] == "slow":
            time.sleep(float(parts[1]))
            parts = parts[2:]
        elif parts[0] == "status":
            return self.send(int(parts[1]), json.dumps({"error": "failure"}))
        elif parts[0] == "malformed":
            return self.send(200, '{"results": [{"url": ')
        path = "/" + "/".join(parts)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        host = f"http://127.0.0.1:{self.server.server_address[1]}"
        if path == "/robots.txt":
            return self.send(200, ROBOTS, "text/plain")
        if path.startswith("/pages/") or path.startswith("/blocked/"):
            index = int(parts[-1])
            return self.send(200, page(ARTICLES[index]), "text/html; charset=utf-8")
        if path == "/search":
            if query.get("format") != "json":
                return self.send(403, "<p>Forbidden</p>", "text/html")
            hits = search(query.get("q", ""), 10)
            results = [{"url": host + page_path(i), "title": ARTICLES[i]["title"], "content": snippet(ARTICLES[i]),
                        "engine": "duckduckgo", "engines": ["duckduckgo"], "score": 1.0 / (rank + 1), "category": "general",
                        "publishedDate": ARTICLES[i].get("published")} for rank, i in enumerate(hits)]
            return self.send(200, json.dumps({"query": query.get("q", ""), "number_of_results": len(results), "results": results,
                                              "answers": [], "corrections": [], "infoboxes": [], "suggestions": [], "unresponsive_engines": []}))
        if path == "/res/v1/web/search":
            if self.headers.get("X-Subscription-Token") != "test-key":
                return self.send(401, json.dumps({"type": "ErrorResponse", "error": {"code": "SUBSCRIPTION_TOKEN_INVALID", "status": 401}}))
            hits = search(query.get("q", ""), int(query.get("count", "20")))
            results = [{"type": "search_result", "title": ARTICLES[i]["title"], "url": host + page_path(i),
                        "description": "<strong>" + html.escape(snippet(ARTICLES[i])) + "</strong>",
                        "page_age": ARTICLES[i].get("published"), "language": "en"} for i in hits]
            return self.send(200, json.dumps({"type": "search", "query": {"original": query.get("q", "")}, "web": {"type": "search", "results": results}}))
        if path == "/v1alpha1/claims:search":
            if query.get("key") != "test-key":
                return self.send(400, json.dumps({"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.",
                                                            "status": "INVALID_ARGUMENT"}}))
            terms = words(query.get("query", ""))
            hits = [r for r in REVIEWS if len(terms & words(r["text"])) >= max(1, len(terms) // 2)]
            size = int(query.get("pageSize", "10"))
            return self.send(200, json.dumps({"claims": hits[:size]} if hits else {}))
        return self.send(404, json.dumps({"error": "not found"}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", required=True)
    parser.add_argument("--blocked", default="", help="comma-separated article indexes served under /blocked/")
    parser.add_argument("--reviews", help="JSONL of Fact Check Tools claim records ({text, claimant?, claimDate?, claimReview: [...]})")
    args = parser.parse_args()
    if args.reviews:
        REVIEWS.extend(json.loads(line) for line in open(args.reviews, encoding="utf-8") if line.strip())
    for line in open(args.articles, encoding="utf-8"):
        if line.strip():
            ARTICLES.append(json.loads(line))
    BLOCKED.update(int(i) for i in args.blocked.split(",") if i)
    serve_on_free_port(Handler)


if __name__ == "__main__":
    main()
