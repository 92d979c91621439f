#!/usr/bin/env bash
# Consent-checked clinician reads only (issue 5 bar: p99 <= 20 ms at 1,000 reads/s): bench/run.sh with that scenario.
# Usage: bench/run-consented-reads.sh [rate=1000] [measure-seconds=30] [warmup-seconds=15]
# BENCH_JFR=1 also records a JFR profile of every process of the stack into the results folder.
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" --scenarios reads --read-rate "${1:-1000}" --read-seconds "${2:-30}" \
  --warmup-seconds "${3:-15}" ${BENCH_JFR:+--jfr}
