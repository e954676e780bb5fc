#!/usr/bin/env bash
# Usage: scripts/bench.sh [render] [SECONDS]
#   render   rendered + signed payloads per second on one core (target: >= 50,000/s for a 2-3 KB body)
# Builds in release mode first. Figures vary with the machine; run on an otherwise idle one.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-render}"
seconds="${2:-3}"
swift build -c release --product sendout >/dev/null
bin=.build/release/sendout
case "$what" in
  render)
    for event in customer.redemption.succeeded customer.publication.succeeded voucher.published; do
      taskset -c 0 "$bin" bench render --event "$event" --seconds "$seconds" 2>/dev/null || "$bin" bench render --event "$event" --seconds "$seconds"
    done
    ;;
  *)
    echo "usage: scripts/bench.sh [render] [SECONDS]" >&2
    exit 64
    ;;
esac
