#!/bin/bash
# Cold and warm checks of two builds on one or more data homes (issue 17's speed and memory table):
#   bench/architecture_bench.sh OUT BEFORE_BINARY AFTER_BINARY HOME...
# Each build's first run on a home writes its vector file and is reported apart; then 3 cold runs
# (/usr/bin/time -v) and `bench check --passes 3`.
set -u
out=$1 before=$2 after=$3; shift 3
mkdir -p "$out"
for home in "$@"; do
  name=$(basename "$(dirname "$home/x")")
  for build in before after; do
    binary=${!build}
    FACTCHECK_HOME=$home /usr/bin/time -v "$binary" check "NATO was founded in 1949." > /dev/null 2> "$out/first_${name}_$build.txt"
    for i in 1 2 3; do
      FACTCHECK_HOME=$home /usr/bin/time -v "$binary" check "NATO was founded in 1949." > /dev/null 2> "$out/cold_${name}_${build}_$i.txt"
    done
    FACTCHECK_HOME=$home "$binary" bench check --passes 3 > "$out/bench_${name}_$build.json" 2> /dev/null
  done
done
grep -H -E "Elapsed|Maximum resident" "$out"/first_* "$out"/cold_*
