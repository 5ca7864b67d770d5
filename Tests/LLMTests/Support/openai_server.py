#!/usr/bin/env python3
"""A local server speaking the OpenAI chat-completions API (the request and answer formats of
POST /v1/chat/completions, streamed or not, GET /v1/models and OpenAI-style error bodies), for the LLM client's tests.
The model named in a request picks how it behaves:

  good          answers ("ready"; a structured request gets {"country": "France", "capital": "Paris"}; a streamed one
                "one", " two", " three")
  flaky         429 with Retry-After: 0 to the first request it gets, then as good
  down          503 always
  slow          answers as good after 3 seconds
  garbage       200 with an HTML body
  sloppy-json   a structured answer in a code fence with a key missing; asked again to correct it, a valid one
  no-schema     400 to any request with response_format; with the schema in the prompt, a valid structured answer
  tiny-context  400 "the request exceeds the available context size"
  judge         judges the <passage n="…"> blocks of the last message: "supports" quoting a passage's first four words
                when the passage says "capital", else "not_enough_info"
  judge-invented  judges every passage "refutes" with a quote found in none
  assistant     answers by the schema asked for: report_prose cites each <source n="…">'s passage sentence with [n],
                and plants a sentence citing [1] that no source says, one citing a source that does not exist and an
                uncited sentence with a new number; checkable_claim rewrites "Is X?" as "X." (and the text "Is Japan
                in NATO?" as a claim about Korea); search_queries gives one query with the claim's words and one with a
                name it lacks; article_claims names each sentence of the <article> that has a digit, and one invented

GET /requests lists the bodies received (with their Authorization header). With --key K, requests without
"Authorization: Bearer K" get 401. Prints its port, then serves until killed.
"""
import argparse
import json
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from local_server import serve_on_free_port  # noqa: E402

RECEIVED = []
LOCK = threading.Lock()
FLAKY_SEEN = set()
CAPITAL = {"country": "France", "capital": "Paris"}


def block(tag, text):
    return re.findall(r"<%s(?: n=\"(\d+)\")?>\n(.*?)\n</%s>" % (tag, tag), text, re.S)


def assistant(body):
    """The structured answer the model "assistant" gives, by the schema's name."""
    name = body.get("response_format", {}).get("json_schema", {}).get("name")
    prompt = body["messages"][-1]["content"]
    if name == "report_prose":
        sources = [(int(n), re.search(r"Passage: (.*)", text, re.S).group(1)) for n, text in block("source", prompt)]
        facts = [f"{passage.split('. ')[0].rstrip('.')} [{n}]." for n, passage in sources]
        planted = "The claim was first made by a committee on Mars in 1802 [1]."
        return {"summary": facts[0] + " " + planted,
                "what_we_know": facts + [planted, f"{sources[0][1].split('. ')[0].rstrip('.')} [9].", "The country has 4100 islands."],
                "analysis": [{"source": n, "text": f"This source is a reference work, so it can be trusted for this."} for n, _ in sources],
                "conclusion": "The sources agree. In 1802 a committee said otherwise."}
    claim = block("claim", prompt)[0][1] if block("claim", prompt) else ""
    if name == "checkable_claim":
        if claim == "Is Japan in NATO?":
            return {"claim": "South Korea is a member of NATO."}
        return {"claim": re.sub(r"^Is (.*)\?$", r"\1.", claim)}
    if name == "search_queries":
        return {"queries": [claim.rstrip(".") + " facts", claim.split()[0] + " hoax by the Moon Agency"]}
    if name == "article_claims":
        article = block("article", prompt)[0][1]
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", article) if re.search(r"\d", s)]
        return {"claims": [{"sentence": s, "claim": s} for s in sentences]
                + [{"sentence": "This sentence is in no article at all.", "claim": "Mars has 12 moons."}]}
    return {}


class Handler(BaseHTTPRequestHandler):
    key = None

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json", headers=()):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, message, headers=()):
        self.send(status, {"error": {"message": message, "type": "invalid_request_error" if status < 500 else "server_error", "code": None}}, headers=headers)

    def authorised(self):
        if self.key and self.headers.get("Authorization") != f"Bearer {self.key}":
            self.error(401, "Incorrect API key provided.")
            return False
        return True

    def do_GET(self):
        if self.path == "/requests":
            with LOCK:
                return self.send(200, RECEIVED)
        if self.path == "/v1/models":
            if self.authorised():
                self.send(200, {"object": "list", "data": [{"id": name, "object": "model"} for name in ["good", "flaky", "slow"]]})
            return
        self.error(404, "not found")

    def do_POST(self):
        if self.path != "/v1/chat/completions":
            return self.error(404, "not found")
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            body = json.loads(raw)
            assert isinstance(body.get("model"), str)
            assert isinstance(body.get("messages"), list) and body["messages"]
            for message in body["messages"]:
                assert message.get("role") in ("system", "user", "assistant") and isinstance(message.get("content"), str)
        except (ValueError, AssertionError):
            return self.error(400, "the request is not a chat completion request")
        with LOCK:
            RECEIVED.append({"body": body, "authorization": self.headers.get("Authorization")})
        if not self.authorised():
            return
        model = body["model"]
        structured = "response_format" in body
        text = "ready"
        if model == "flaky":
            with LOCK:
                first = "flaky" not in FLAKY_SEEN
                FLAKY_SEEN.add("flaky")
            if first:
                return self.error(429, "Rate limit reached, slow down.", headers=[("Retry-After", "0")])
        elif model == "down":
            return self.error(503, "The server is overloaded.")
        elif model == "slow":
            time.sleep(3)
        elif model == "garbage":
            return self.send(200, "<html><body>Bad gateway</body></html>", content_type="text/html")
        elif model == "tiny-context":
            return self.error(400, "the request exceeds the available context size, try increasing it")
        elif model == "no-schema":
            if structured:
                return self.error(400, "'response_format' of type 'json_schema' is not supported")
            if "JSON schema" in body["messages"][0]["content"]:
                text = json.dumps(CAPITAL)
        elif model == "sloppy-json":
            corrected = any(m["role"] == "assistant" for m in body["messages"])
            text = "```json\n" + json.dumps(CAPITAL if corrected else {"country": "France"}) + "\n```"
        elif model in ("judge", "judge-invented"):
            passages = re.findall(r'<passage n="(\d+)">\n(.*?)\n</passage>', body["messages"][-1]["content"], re.S)
            judged = []
            for n, passage in passages:
                if model == "judge-invented":
                    judged.append({"n": int(n), "stance": "refutes", "quote": "this was never said anywhere at all"})
                elif "capital" in passage:
                    judged.append({"n": int(n), "stance": "supports", "quote": " ".join(passage.split()[:4])})
                else:
                    judged.append({"n": int(n), "stance": "not_enough_info", "quote": ""})
            text = json.dumps({"passages": judged, "overall": "supports" if model == "judge" else "refutes"})
        elif model == "assistant":
            text = json.dumps(assistant(body))
        if structured and model in ("good", "flaky", "slow"):
            text = json.dumps(CAPITAL)
        if body.get("stream"):
            return self.stream(["one", " two", " three"] if text == "ready" else [text])
        prompt = sum(len(m["content"].split()) for m in body["messages"])
        self.send(200, {"id": "chatcmpl-1", "object": "chat.completion", "created": int(time.time()), "model": model,
                        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                        "usage": {"prompt_tokens": prompt, "completion_tokens": len(text.split()), "total_tokens": prompt + len(text.split())}})

    def stream(self, pieces):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for piece in pieces:
            chunk = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
        usage = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": len(pieces), "total_tokens": 5 + len(pieces)}}
        self.wfile.write(f"data: {json.dumps(usage)}\n\ndata: [DONE]\n\n".encode())
        self.wfile.flush()
        self.close_connection = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--key")
    args = parser.parse_args()
    Handler.key = args.key
    serve_on_free_port(Handler)


if __name__ == "__main__":
    main()
