"""Helpers for scripts that run `factcheck serve` locally (the browser test and the web benchmark), and for the
local servers that tests start (which print their port, then serve)."""
import os
import shutil
import socket
import time
import urllib.request
from http.server import ThreadingHTTPServer


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def private_home(home, work):
    """A copy of the data home `home` under `work` (models linked, database copied), so that what a script publishes
    never reaches the user's database. Returns its path."""
    private = os.path.join(work, "home")
    os.makedirs(private)
    os.symlink(os.path.abspath(os.path.join(home, "models")), os.path.join(private, "models"))
    shutil.copy(os.path.join(home, "factcheck.sqlite"), os.path.join(private, "factcheck.sqlite"))
    return private


def wait_http(url, timeout):
    """The body of the first successful GET of `url`, retried until `timeout` seconds have passed."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def serve_on_free_port(handler):
    """Serves `handler` on a free port of 127.0.0.1 until killed, after printing the port on stdout and closing it
    (the port line is all a test reads)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    print(server.server_address[1], flush=True)
    os.close(1)
    server.serve_forever()
