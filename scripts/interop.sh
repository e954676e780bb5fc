#!/usr/bin/env bash
# Usage: scripts/interop.sh
#
# Drives `sendout serve` with a client none of us wrote: the official Voucherify Python SDK (PyPI `voucherify`,
# pinned), installed into a throwaway virtual environment. Runs scripts/interop/checkout.py (customer, publish,
# redeem, rollback, a validated then redeemed stack of two codes, an order paid, the client-side API, voucher, custom
# event, loyalty program and points, products and check eligibility for two carts (scripts/interop/eligibility.py),
# a 401 and a 404, each parsed by the SDK's own models), then checks
# that the webhooks the calls caused arrived, signed, at a `sendout listen`, carrying the ids the SDK saw and the
# values the application sent (customer name and email, order source_id, items and metadata, redemption metadata)
# (distribution-only events such as customer.order.paid never reach a project webhook, so none is expected).
# Then scripts/interop/loyalty.py runs a loyalty program through LoyaltiesApi (create, members, transfer, update).
# Needs python3 with venv and PyPI; builds sendout first. Exit 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/sdk-venv.sh
sdk_venv

# Builds go through the machine's shared build lock when there is one (flock), so parallel builds do not collide.
if command -v flock >/dev/null; then
  flock -o /tmp/swift-build.lock swift build --product sendout >/dev/null
else
  swift build --product sendout >/dev/null
fi
bin="$PWD/.build/debug/sendout"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# port OUT PATTERN: waits for PATTERN in the server's output file and prints the port number after it.
port() {
  local out="$1" pattern="$2"
  for _ in $(seq 1 200); do
    if grep -q "$pattern" "$out"; then break; fi
    sleep 0.05
  done
  sed -n "s|.*$pattern\([0-9]*\).*|\1|p" "$out" | head -n 1
}

"$bin" listen --port 0 --secret interop-secret --json >"$work/listen.jsonl" 2>&1 &
pids+=("$!")
listen_port=$(port "$work/listen.jsonl" '"port":')
"$bin" serve --port 0 --app-id interop-app --app-token interop-token --secret interop-secret \
  --client-app-id interop-client --client-token interop-client-token \
  --to "http://127.0.0.1:$listen_port/webhooks" --audit "$work/audit.jsonl" >"$work/serve.txt" 2>&1 &
pids+=("$!")
api_port=$(port "$work/serve.txt" 'on http://127.0.0.1:')
[ -n "$listen_port" ] && [ -n "$api_port" ] || { cat "$work/serve.txt" "$work/listen.jsonl" >&2; exit 1; }

VOUCHERIFY_BASE_URL="http://127.0.0.1:$api_port" VOUCHERIFY_APP_ID=interop-app VOUCHERIFY_APP_TOKEN=interop-token \
  VOUCHERIFY_CLIENT_APP_ID=interop-client VOUCHERIFY_CLIENT_TOKEN=interop-client-token \
  "$venv/bin/python" scripts/interop/checkout.py | tee "$work/checkout.txt"
ids=$(tail -n 1 "$work/checkout.txt")

"$venv/bin/python" - "$work/listen.jsonl" "$ids" <<'PY'
import json, sys, time
path, ids = sys.argv[1], json.loads(sys.argv[2])
want = [
    ("customer.created", "data.customer.id", ids["customer"]),
    ("redemption.succeeded", "data.redemption.id", ids["redemption"]),
    ("redemption.rollback.succeeded", "data.redemption_rollback.id", ids["rollback"]),
    ("voucher.loyalty_card.points_added", "data.voucher.code", ids["card"]),
    # What the application sent, unchanged in the webhooks.
    ("customer.created", "data.customer.name", "Interop Tester"),
    ("customer.created", "data.customer.email", ids["email"]),
    ("customer.updated", "data.customer.email", ids["email2"]),
    ("redemption.succeeded", "data.order.source_id", ids["cart"]),
    ("redemption.succeeded", "data.order.items.0.source_id", "sku-interop"),
    ("redemption.succeeded", "data.order.items.0.quantity", 2),
    ("redemption.succeeded", "data.order.metadata.channel", "interop"),
    ("redemption.succeeded", "data.redemption.metadata.till", "interop-7"),
    ("redemption.succeeded", "data.customer.name", "Interop Tester"),
] + [("redemption.succeeded", "data.redemption.id", child) for child in ids["stacked"]]
def dig(obj, path):
    for key in path.split("."):
        if isinstance(obj, list) and key.isdigit():
            obj = obj[int(key)] if int(key) < len(obj) else None
        else:
            obj = obj.get(key) if isinstance(obj, dict) else None
    return obj
deadline = time.time() + 10
while True:
    seen = {}
    for line in open(path):
        rec = json.loads(line)
        if "body" not in rec:
            continue
        body = json.loads(rec["body"]) if isinstance(rec["body"], str) else rec["body"]
        seen.setdefault(body.get("type"), []).append((rec, body))
    missing = [w for w in want if not any(dig(b, w[1]) == w[2] for _, b in seen.get(w[0], []))]
    if not missing or time.time() > deadline:
        break
    time.sleep(0.1)
for t, p, v in want:
    ok = (t, p, v) not in missing
    print(("ok   " if ok else "FAIL ") + f"webhook {t} with {p} = {v}")
unsigned = [b.get("id") for recs in seen.values() for r, b in recs if r.get("signature") != "valid"]
print(("ok   " if not unsigned else "FAIL ") + f"every webhook signed ({sum(map(len, seen.values()))} arrived)")
sys.exit(1 if missing or unsigned else 0)
PY
# Loyalty programs through LoyaltiesApi (issue 20): scripts/interop/loyalty.py creates a program with
# create_loyalty_program, adds two members, earns and transfers points, lists members and activity, updates the program,
# and checks what was sent comes back, in the answers and in the webhooks that reached the listener's file.
VOUCHERIFY_BASE_URL="http://127.0.0.1:$api_port" VOUCHERIFY_APP_ID=interop-app VOUCHERIFY_APP_TOKEN=interop-token \
  "$venv/bin/python" scripts/interop/loyalty.py "$work/listen.jsonl"

echo "interop: the official Python SDK $sdk_version drove sendout serve, and its webhooks arrived signed"
