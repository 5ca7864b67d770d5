#!/usr/bin/env python3
"""End-to-end test of the web app: the real `factcheck serve` on a copy of the data home, driven by headless Chromium
over the DevTools protocol. Submits a claim with JavaScript (live progress), reaches the verdict page, posts a comment
containing <script> and checks it is shown as text; submits another claim with JavaScript disabled (plain form POST and
redirect), an article checked claim by claim (highlights, links, escaped markup); saves screenshots of the home, a verdict
page, an article page and the listing under .ci/artifacts/.

Usage: python3 Tests/e2e/browser_e2e.py [--factcheck .build/debug/factcheck] [--home .factcheck]
Needs: Debian's chromium, `pip install websocket-client==1.8.0`, and `factcheck setup` done in --home.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import websocket

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from local_server import free_port, private_home, wait_http  # noqa: E402

ARTIFACTS = os.path.join(".ci", "artifacts")


class Browser:
    """A page of headless Chromium, driven over the DevTools protocol."""

    def __init__(self, websocket_url):
        self.ws = websocket.create_connection(websocket_url, timeout=60)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=120, what=None):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                value = self.evaluate(expression)
            except AssertionError:
                value = None  # the page is navigating
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what or expression}")

    def goto(self, url):
        self.call("Page.navigate", url=url)
        self.wait_for(f"location.href.startsWith({json.dumps(url)}) && document.readyState === 'complete'", 30, f"load of {url}")

    def screenshot(self, name):
        metrics = self.call("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 6000), "scale": 1})
        path = os.path.join(ARTIFACTS, name)
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print(f"  screenshot {path}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", default=".build/debug/factcheck")
    parser.add_argument("--home", default=os.environ.get("FACTCHECK_HOME", ".factcheck"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    os.makedirs(ARTIFACTS, exist_ok=True)
    work = tempfile.mkdtemp(prefix="factcheck-e2e-")
    processes = []
    try:
        home = private_home(args.home, work)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server_log = open(os.path.join(ARTIFACTS, "e2e-server.log"), "w")
        processes.append(subprocess.Popen([args.factcheck, "serve", "--home", home, "--port", str(port)], stdout=server_log, stderr=server_log))
        wait_http(base + "/healthz", 60)

        debug_port = free_port()
        processes.append(subprocess.Popen(
            [args.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             f"--remote-debugging-port={debug_port}", f"--user-data-dir={os.path.join(work, 'chromium')}", "--window-size=1280,900",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_http(f"http://127.0.0.1:{debug_port}/json/version", 60)
        targets = json.loads(wait_http(f"http://127.0.0.1:{debug_port}/json/list", 10))
        page = next(t for t in targets if t["type"] == "page")
        browser = Browser(page["webSocketDebuggerUrl"])
        browser.call("Page.enable")
        browser.call("Runtime.enable")
        browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)

        print("home page")
        browser.goto(base + "/")
        assert "Have a claim you want to verify?" in browser.evaluate("document.body.innerText")
        browser.screenshot("home.png")

        print("submit a claim with JavaScript")
        claim = "NATO was founded in 1949."
        browser.evaluate(f"document.querySelector('#claim').value = {json.dumps(claim)}; "
                         "document.querySelector('form.claim-form button[type=submit]').click(); true")
        browser.wait_for("!document.querySelector('.claim-form .progress').hidden", 20, "the progress panel")
        print("  progress shown:", browser.evaluate("document.querySelector('.claim-form .progress-message').textContent"))
        browser.wait_for("location.pathname.startsWith('/fact-checks/') && document.readyState === 'complete'", 180, "the verdict page")
        title = browser.evaluate("document.querySelector('h1').textContent")
        verdict = browser.evaluate("document.querySelector('.verdict').textContent")
        print(f"  {browser.evaluate('location.pathname')}: {title} → {verdict}")
        assert title == f"Fact Check: {claim}", title
        assert verdict in {"True", "Mostly True", "Misleading", "Outdated", "Mostly False", "False", "Unverifiable"}, verdict
        assert browser.evaluate("document.querySelectorAll('ol.sources > li').length") >= 1
        assert browser.evaluate("!!document.querySelector('script[type=\"application/ld+json\"]')")
        browser.screenshot("verdict.png")

        print("post a comment containing <script>")
        hostile = "<script>window.__xss = 1</script>Nice <b>work</b>"
        browser.evaluate(f"document.querySelector('#comment-name').value = 'E2E <i>tester</i>'; "
                         f"document.querySelector('#comment-text').value = {json.dumps(hostile)}; "
                         "document.querySelector('.comment-form button[type=submit]').click(); true")
        browser.wait_for("document.querySelectorAll('.comment-text').length === 1 && document.readyState === 'complete'", 30, "the comment")
        shown = browser.evaluate("document.querySelector('.comment-text').textContent")
        assert shown == hostile, shown
        assert browser.evaluate("document.querySelector('.comment-name').textContent") == "E2E <i>tester</i>"
        assert browser.evaluate("typeof window.__xss") == "undefined", "the comment's script ran"
        assert browser.evaluate("document.querySelectorAll('.comment-text script, .comment-text b').length") == 0

        print("submit a claim without JavaScript")
        browser.call("Emulation.setScriptExecutionDisabled", value=True)
        browser.goto(base + "/")
        browser.call("Emulation.setScriptExecutionDisabled", value=False)
        # The page was loaded without its script, so the form posts and redirects as a plain HTML form.
        browser.evaluate("document.querySelector('#claim').value = 'Is Japan in NATO?'; document.querySelector('form.claim-form').submit(); true")
        browser.wait_for("location.pathname.startsWith('/fact-checks/') && document.readyState === 'complete'", 180, "the no-JS verdict page")
        assert browser.evaluate("document.querySelector('h1').textContent") == "Fact Check: Is Japan in NATO?"
        path, verdict = browser.evaluate("[location.pathname, document.querySelector('.verdict').textContent]")
        print(f"  {path} → {verdict}")

        print("check an article with JavaScript: progress claim by claim, then the article page")
        article = ("NATO facts\n\nNATO was founded in 1949. NATO has 30 member states. We think NATO is great!\n\n"
                   "The Eiffel <img src=x onerror=\"window.__xss=2\"> Tower was completed in 1889 in Paris.")
        browser.goto(base + "/")
        browser.evaluate(f"document.querySelector('#article-text').value = {json.dumps(article)}; "
                         "document.querySelector('form.article-form button[type=submit]').click(); true")
        browser.wait_for("location.pathname.startsWith('/articles/') && document.readyState === 'complete'", 30, "the article progress or page")
        print("  after submitting:", browser.evaluate("location.pathname"))
        browser.wait_for("location.pathname.startsWith('/articles/') && !location.pathname.startsWith('/articles/jobs/') "
                         "&& document.readyState === 'complete'", 300, "the article page")
        marks = browser.evaluate("Array.from(document.querySelectorAll('.article-text a.claim-mark')).map(a => [a.className, a.getAttribute('href')])")
        rating = browser.evaluate("document.querySelector('.rating').textContent")
        print(f"  {browser.evaluate('location.pathname')}: {rating} {marks}")
        assert len(marks) >= 2, marks
        assert browser.evaluate("document.querySelectorAll('ol.article-claims > li a').length") == len(marks)
        assert all(href.startswith("/fact-checks/") for _, href in marks), marks
        assert browser.evaluate("document.querySelector('.article-text').textContent.includes('<img src=x onerror=')")
        assert browser.evaluate("typeof window.__xss") == "undefined", "the article's markup ran"
        assert browser.evaluate("document.querySelectorAll('.article-text img').length") == 0
        browser.screenshot("article.png")
        browser.evaluate("document.querySelector('.article-text a.claim-mark').click(); true")
        browser.wait_for("location.pathname.startsWith('/fact-checks/') && document.readyState === 'complete'", 30, "a claim's fact check")
        print("  highlighted sentence links to", browser.evaluate("document.querySelector('h1').textContent"))

        print("listing")
        browser.goto(base + "/fact-checks")
        assert browser.evaluate("document.querySelectorAll('.check-card').length") >= 2
        browser.screenshot("listing.png")
        print("browser end-to-end test passed")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"FAILED: {error}", file=sys.stderr)
        sys.exit(1)
