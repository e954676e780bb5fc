#!/usr/bin/env bash
# Usage: scripts/bench.sh [render] [SECONDS]
#        scripts/bench.sh render-vs-node [SECONDS] [EVENT]
#        scripts/bench.sh listen [EVENT]
#        scripts/bench.sh load [EVENT]
#        scripts/bench.sh world
#        scripts/bench.sh serve
#        scripts/bench.sh distributed
#        scripts/bench.sh limits
#   render   rendered + signed payloads per second on one core (target: >= 50,000/s for a 2-3 KB body)
#   render-vs-node
#            render + sign on one core against Node, from one run: scripts/bench/render-node.js builds the objects
#            of the 64 bodies `sendout render EVENT --seed 1..64` prints (the seeds `bench render` cycles through)
#            once, then gives each a fresh top-level id, JSON.stringify and createHmac('sha256') hex; then
#            `sendout bench render` for EVENT and for every event type (`all`). Prints both rates and the ratio
#            (target: >= 2x Node) and the all-types rate (target: >= 100,000/s). EVENT defaults to
#            customer.redemption.succeeded (5.8 KB). Without `node` the Node row is skipped with a message.
#   listen   `sendout listen` under wrk (one thread, 32 connections, LISTEN_SECONDS (10) each, the signed 5.9 KB
#            customer.redemption.succeeded POST, signatures checked) against nginx `return 200` in the same run:
#            with --quiet (target >= 0.8x nginx) and printing a line per request to a file (target >= 0.6x).
#            LISTEN_ROUNDS (3) rounds of the three, each ratio against its round's nginx; the median ratio is the
#            verdict (on a shared machine nginx moved between 81k and 108k req/s from one run to the next). Each
#            round also prints the CPU time a request of the server and of wrk (from /proc and /usr/bin/time) and how
#            busy the CPUs were; a row sets listen --quiet's CPU a request less `openssl speed`'s HMAC-SHA256 time
#            for the body (the verifying nginx skips) against nginx's: what is left to gain while they share the cores.
#   load     load mode against nginx (`return 204`) and the built-in listener:
#              - closed loop: wrk vs `sendout load` (32 connections, 2 threads, 10 s, same body) and their ratio
#                (target: sendout >= 0.95 x wrk on nginx; on the listener, for information), LOAD_ROUNDS (3) rounds,
#                each against its round's wrk, judged by the median ratio; with each round's CPU time a request
#                (generator and server); a row sets load's CPU a request less `openssl speed`'s HMAC-SHA256 time for
#                the body (the signing wrk's fixed body skips) against wrk's; each round on nginx also runs
#                `sendout load` without --secret (fresh bodies, unsigned) against the same wrk, so a row shows how
#                much of the gap the signing is
#              - open loop at 40,000 req/s for 30 s against nginx (load's default threads for the rate):
#                achieved rate (within 1 %) and the generator's scheduling lag p99 (under 1 ms), as is and then
#                with nginx and the generator on different CPUs (taskset, when there are two)
#              - 1,000,000 requests closed loop: peak resident memory (under 64 MB)
#              - URLSession transport vs a bare URLSession loop (a small Swift program compiled with swiftc
#                into the temp dir: 32 tasks awaiting `session.data(for:)`) against nginx (within 10 %)
#            EVENT defaults to customer.redemption.succeeded (5.7 KB); voucher.created is 2.5 KB.
#            Installs wrk, nginx-light, time and openssl with apt-get when missing. Stops every server it started.
#            Environment: LOAD_SECONDS (10), LOAD_ROUNDS (3), OPEN_SECONDS (30), OPEN_RATE (40000), MILLION (1000000),
#            CONNECTIONS (32), THREADS (2).
#   world    world operation costs as the world grows: 100,000 customers with 10,000 and with 1,000,000 vouchers,
#            100,000 lookups each by voucher id, voucher code and customer id, 10,000 redemptions, then a loyalty
#            program with an order.paid earning rule: 10,000 cards published and 10,000 orders paid (earning); the
#            per-operation costs should stay flat (indexes kept by the store, no scans). Prints peak memory too.
#   serve    the mock API: GET /v1/vouchers/{code} with wrk against nginx serving the same bytes from a file
#            (target >= 0.5x), from the read cache and missing it (a distinct ignored query string per request and
#            wrk thread, made by the same wrk script for nginx's run: the script's cost to wrk is on both sides; with
#            each miss run's CPU time a request, server and wrk, and how busy the CPUs were);
#            POST /v1/validations for 10 s against a campaign with three validation rules (target >= 5,000/s, all
#            met); POST /v1/qualifications for 10 s for a customer holding 20 codes that apply and 200 that do not
#            (target >= 2,000/s); POST /v1/redemptions flat out for SERVE_SECONDS (30) with the webhooks going to
#            `sendout listen`: redemptions/s (target >= 2,000), every webhook delivered (the queue drained, its
#            SUCCESS count equal to what the calls queued), then SERVE_MILLION (1,000,000) calls, nine reads to one
#            write with its webhook, with the resident memory after each 10 s round (target: flat), and peak RSS.
#            SERVE_ONLY=rules measures the validations and qualifications alone (their two rows only).
#   distributed  a Locust master and two workers on this machine (Locust from PyPI in a throwaway venv) replay
#            `sendout load --export … --shard 1/2` and `2/2` (DIST_REQUESTS (4000) requests in all, DIST_USERS (20) users
#            at DIST_USER_RATE (25) req/s each) against `sendout listen --secret`; checks from the listener's lines that
#            every request arrived once, with a valid signature and a unique sendout id. Needs python3 with venv.
#   limits   scenarios at the documented 25,000-operation limit (custom events, new customers, publications,
#            generated vouchers): wall time and peak RSS of `sendout validate` and `sendout run --dry-run`
#            for each (target: seconds, not minutes). Needs /usr/bin/time (installed when missing).
# Builds in release mode first (SENDOUT_BIN=PATH uses that binary instead). Figures vary with the machine; run on an otherwise idle one.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-render}"

usage() {
  echo "usage: scripts/bench.sh [render [SECONDS] | render-vs-node [SECONDS] [EVENT] | listen [EVENT] | load [EVENT] | world | serve | distributed | limits]" >&2
  exit 64
}

case "$what" in
  render | render-vs-node | listen | load | world | serve | distributed | limits) ;;
  *) usage ;;
esac

if [ -n "${SENDOUT_BIN:-}" ]; then # a release binary built already (e.g. under a shared build lock)
  bin="$SENDOUT_BIN"
else
  swift build -c release --product sendout >/dev/null
  bin="$PWD/.build/release/sendout"
fi

bench_render() {
  local seconds="${1:-3}"
  for event in customer.redemption.succeeded customer.publication.succeeded voucher.published; do
    taskset -c 0 "$bin" bench render --event "$event" --seconds "$seconds" 2>/dev/null || "$bin" bench render --event "$event" --seconds "$seconds"
  done
}

# --- render-vs-node ---------------------------------------------------------------------------------

one_core() { taskset -c 0 "$@" 2>/dev/null || "$@"; } # pinned to one core where taskset works

# render_rate OUTPUT: the render+sign payloads/s from `sendout bench render` (or the Node peer's same line).
render_rate() { sed -n 's/.*render+sign[^:]*: \([0-9]*\) payloads\/s.*/\1/p' <<<"$1" | head -n 1; }

bench_render_vs_node() {
  local seconds="${1:-3}" event="${2:-customer.redemption.succeeded}" seed
  tmp="$(mktemp -d)"
  trap cleanup EXIT
  for seed in $(seq 1 64); do "$bin" render "$event" --seed "$seed"; done >"$tmp/bodies.jsonl"
  local node_line="" node_rate="" sendout_line sendout_rate all_line all_rate
  if command -v node >/dev/null; then
    node_line=$(one_core node scripts/bench/render-node.js "$tmp/bodies.jsonl" "$seconds")
    node_rate=$(render_rate "$node_line")
    echo "$node_line"
  else
    echo "node not found: the Node row is skipped (install Node 20 to compare)"
  fi
  sendout_line=$(one_core "$bin" bench render --event "$event" --seconds "$seconds")
  sendout_rate=$(render_rate "$sendout_line")
  echo "sendout $(head -n 1 <<<"$sendout_line")"
  all_line=$(one_core "$bin" bench render --event all --seconds "$seconds")
  all_rate=$(render_rate "$all_line")
  echo "sendout $(head -n 1 <<<"$all_line")"
  echo
  echo "| target | measured | met |"
  echo "|---|---|---|"
  if [ -n "$node_rate" ]; then
    local r
    r=$(ratio "$sendout_rate" "$node_rate")
    printf '| render + sign %s >= 2x Node (one core) | %s (%s vs %s/s) | %s |\n' "$event" "$r" "$sendout_rate" \
      "$node_rate" "$(awk -v r="$r" 'BEGIN { print (r + 0 >= 2) ? "yes" : "no" }')"
  else
    printf '| render + sign %s >= 2x Node (one core) | not measured (no node) | - |\n' "$event"
  fi
  printf '| render + sign, all event types >= 100,000/s | %s/s | %s |\n' "$all_rate" \
    "$(awk -v a="$all_rate" 'BEGIN { print (a + 0 >= 100000) ? "yes" : "no" }')"
}

# --- load -------------------------------------------------------------------------------------------

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  [ -x /usr/bin/time ] || missing+=(time)
  command -v openssl >/dev/null || missing+=(openssl)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# A loopback port nothing listens on.
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 20000))
    if ! ss -ltnH "sport = :$port" | grep -q .; then
      echo "$port"
      return
    fi
  done
}

wait_for_port() {
  local port="$1" i
  for i in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  echo "nothing listens on 127.0.0.1:$port" >&2
  return 1
}

pids=()
tmp=""
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$tmp" ] && rm -rf "$tmp"
}

start_nginx() {
  local port="$1"
  mkdir -p "$tmp/nginx/logs"
  cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 120s;
  client_body_buffer_size 64k;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$port;
    location / { return 204; }
    location /ok/ { return 200; }
    location /static/ { root $tmp; default_type application/json; }
  }
}
EOF
  local nginx
  nginx="$(command -v nginx || echo /usr/sbin/nginx)"
  "$nginx" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/logs/error.log" >/dev/null 2>&1 &
  pids+=("$!")
  wait_for_port "$port"
}

start_listener() {
  local port="$1"
  "$bin" listen --port "$port" --secret s >/dev/null 2>&1 &
  pids+=("$!")
  wait_for_port "$port"
}

stop_last_server() {
  local last=$((${#pids[@]} - 1))
  kill "${pids[$last]}" 2>/dev/null || true
  wait "${pids[$last]}" 2>/dev/null || true
  unset "pids[$last]"
}

json_field() { # json_field FILE KEY: a top-level number from sendout's pretty JSON report
  sed -n "s/^ *\"$2\" *: *\([0-9.eE+-]*\).*/\1/p" "$1" | head -n 1
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

requests_per_second() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; } # of wrk's output on stdin

median() { # median X…: the middle value (the mean of the two middle ones for an even count), two decimals
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# --- CPU a request ------------------------------------------------------------------------------------
# On a machine whose cores the client and the server share, a run is bound by their CPU time a request together.
# These helpers measure it, so that a row can say how much of the gap to the peer the HMAC explains and what is left.

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; } # user + system ticks of PID

cpu_busy_and_all() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }

# measured SERVER_PID COMMAND…: runs the client COMMAND under /usr/bin/time and sets m_server and m_client (their
# CPU seconds, user + system, over the run) and m_busy (the percentage of all CPUs busy). COMMAND's status is kept.
measured() {
  local server="$1" s0 s1 b0 a0 b1 a1 status=0
  shift
  s0=$(cpu_ticks "$server")
  read -r b0 a0 < <(cpu_busy_and_all)
  /usr/bin/time -f '%U %S' -o "$tmp/time.txt" "$@" || status=$?
  s1=$(cpu_ticks "$server")
  read -r b1 a1 < <(cpu_busy_and_all)
  m_server=$(awk -v a="$s0" -v b="$s1" -v hz="$(getconf CLK_TCK)" 'BEGIN { print (b - a) / hz }')
  m_client=$(tail -n 1 "$tmp/time.txt" | awk '{ print $1 + $2 }')
  m_busy=$(awk -v b="$((b1 - b0))" -v a="$((a1 - a0))" 'BEGIN { printf "%.0f", (a > 0) ? b / a * 100 : 0 }')
  return "$status"
}

# per_request CPU_SECONDS REQUESTS: microseconds a request, one decimal.
per_request() { awk -v c="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.1f", c / n * 1e6; else print "n/a" }'; }

wrk_requests() { sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$1"; } # the request count in wrk's output FILE

# per_wrk_request OUT: sets server_us and client_us, the CPU a request of the run `measured` just timed, whose wrk
# output is OUT.
per_wrk_request() {
  server_us=$(per_request "$m_server" "$(wrk_requests "$1")")
  client_us=$(per_request "$m_client" "$(wrk_requests "$1")")
}

# cpu_line SERVER: "SERVER 6.5 + wrk 6.0 us (CPUs 97 % busy)" from server_us, client_us and m_busy.
cpu_line() { printf '%s %s + wrk %s us (CPUs %s %% busy)' "$1" "$server_us" "$client_us" "$m_busy"; }

# hmac_us BYTES: microseconds OpenSSL's HMAC-SHA256 takes over BYTES here (`openssl speed`, 2 s): the least that
# signing or verifying one body costs, which a peer sending or answering a fixed body does not pay.
hmac_us() {
  openssl speed -seconds 2 -bytes "$1" -hmac sha256 2>/dev/null |
    awk -v n="$1" '/^hmac\(sha256\)/ { sub(/k$/, "", $2); if ($2 > 0) printf "%.2f", n * 1000 / $2 }'
}

# beyond US HMAC_US: US less HMAC_US, one decimal ("n/a" when either is missing).
beyond() { awk -v a="$1" -v h="$2" 'BEGIN { if (a == "n/a" || h == "") print "n/a"; else printf "%.1f", a - h }'; }

nginx_worker() { pgrep -P "$1" | head -n 1; } # the worker of the nginx master PID (worker_processes 1)

# closed_load SERVER_PID URL REPORT [ARG…]: one measured closed-loop `sendout load` run against URL (this bench's
# event, connections, threads and seconds, plus ARG…), its JSON report in REPORT. Sets rate, load_us and served_us
# (the generator's and the server's CPU a request) and m_busy.
closed_load() {
  local server="$1" url="$2" report="$3"
  shift 3
  measured "$server" "$bin" load --to "$url" --event "$event" --connections "$connections" --threads "$threads" \
    --duration "${seconds}s" "$@" --json >"$report" 2>"${report%.json}.err" || true
  rate=$(json_field "$report" achieved_rate)
  load_us=$(per_request "$m_client" "$(json_field "$report" requests)")
  served_us=$(per_request "$m_server" "$(json_field "$report" requests)")
}

# Closed loop against one receiver: LOAD_ROUNDS (3) rounds of wrk then sendout load, each ratio against its round's
# wrk. Sets closed_ratio (the median), closed_ratios (each round's) and closed_wrk / closed_sendout (the rates of the
# round whose ratio is the median; of the last round for an even count). With a fourth argument, `unsigned`, each
# round also runs sendout load without --secret (fresh bodies, no HMAC; the receiver must not check signatures) and
# sets unsigned_ratio and unsigned_ratios alike: the same generator less the signing, against the same wrk.
closed_loop() {
  local name="$1" url="$2" server="$3" unsigned="${4:-}" rounds="${LOAD_ROUNDS:-3}" round w l r i
  local out="$tmp/wrk-$name.txt" report="$tmp/load-$name.json"
  local wrk_us peer_us load_us served_us busy rate
  local -a wrks=() loads=() ratios=() wrk_cpus=() beyond_cpus=() unsigned_rs=()
  for round in $(seq 1 "$rounds"); do
    measured "$server" wrk -t "$threads" -c "$connections" -d "${seconds}s" -s "$tmp/post.lua" "$url" >"$out" 2>&1
    w=$(requests_per_second <"$out")
    wrk_us=$(per_request "$m_client" "$(wrk_requests "$out")")
    peer_us=$(per_request "$m_server" "$(wrk_requests "$out")")
    busy="$m_busy"
    closed_load "$server" "$url" "$report" --secret s
    l="$rate"
    r=$(ratio "${l:-0}" "$w")
    printf '%-10s round %s: wrk %10.0f req/s   sendout load %10.0f req/s   ratio %s\n' \
      "$name" "$round" "$w" "${l:-0}" "$r"
    printf '%-10s          CPU a request: wrk %s + %s %s us (CPUs %s %% busy); load %s + %s %s us (%s %%)\n' \
      "" "$wrk_us" "$name" "$peer_us" "$busy" "$load_us" "$name" "$served_us" "$m_busy"
    wrk_cpus+=("$wrk_us")
    beyond_cpus+=("$(beyond "$load_us" "$hmac")")  # before the unsigned run sets load_us
    if [ "$unsigned" = unsigned ]; then
      closed_load "$server" "$url" "$tmp/load-$name-unsigned.json"
      unsigned_rs+=("$(ratio "${rate:-0}" "$w")")
      printf '%-10s          sendout load without --secret %10.0f req/s   ratio %s; CPU a request: load %s us (%s %%)\n' \
        "" "${rate:-0}" "${unsigned_rs[-1]}" "$load_us" "$m_busy"
    fi
    wrks+=("$w")
    loads+=("${l:-0}")
    ratios+=("$r")
  done
  closed_ratio=$(median "${ratios[@]}")
  closed_ratios="${ratios[*]}"
  if [ "$unsigned" = unsigned ]; then
    unsigned_ratio=$(median "${unsigned_rs[@]}")
    unsigned_ratios="${unsigned_rs[*]}"
  fi
  closed_wrk_cpu=$(median "${wrk_cpus[@]}")
  closed_beyond_cpu=$(median "${beyond_cpus[@]}")
  closed_wrk="$w"
  closed_sendout="${l:-0}"
  for i in "${!ratios[@]}"; do
    if awk -v a="${ratios[$i]}" -v b="$closed_ratio" 'BEGIN { exit !(a + 0 == b + 0) }'; then
      closed_wrk="${wrks[$i]}"
      closed_sendout="${loads[$i]}"
      break
    fi
  done
}

# A bare URLSession loop: WORKERS tasks POSTing one body for SECONDS; prints requests/s.
write_bare_loop() {
  cat >"$tmp/bare.swift" <<'SWIFT'
import Foundation
#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

let args = CommandLine.arguments
let url = URL(string: args[1])!
let bodyPath = args[2]
let workers = Int(args[3])!
let seconds = Double(args[4])!
let body = try! Data(contentsOf: URL(fileURLWithPath: bodyPath))
let configuration = URLSessionConfiguration.ephemeral
configuration.httpMaximumConnectionsPerHost = workers
let session = URLSession(configuration: configuration)
let start = Date()
let total = await withTaskGroup(of: Int.self) { group in
  for _ in 0..<workers {
    group.addTask {
      var n = 0
      var request = URLRequest(url: url)
      request.httpMethod = "POST"
      request.setValue("application/json", forHTTPHeaderField: "content-type")
      request.httpBody = body
      while Date().timeIntervalSince(start) < seconds {
        if (try? await session.data(for: request)) != nil { n += 1 }
      }
      return n
    }
  }
  return await group.reduce(0, +)
}
print(String(format: "%.1f", Double(total) / Date().timeIntervalSince(start)))
SWIFT
}

# write_signed_post EVENT: $tmp/body.json (one rendered EVENT, signed with secret s) and $tmp/post.lua (wrk POSTs it).
write_signed_post() {
  "$bin" render "$1" --secret s | head -c -1 >"$tmp/body.json" # without the newline render adds
  local signature
  signature=$("$bin" render "$1" --secret s --request | sed -n 's/.*"x-voucherify-signature":"\([0-9a-f]*\)".*/\1/p')
  cat >"$tmp/post.lua" <<EOF
local f = assert(io.open("$tmp/body.json", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["content-type"] = "application/json"
wrk.headers["x-voucherify-signature"] = "$signature"
EOF
}

# wrk_run URL SERVER_PID: one measured wrk run (one thread, 32 connections, LISTEN_SECONDS) POSTing $tmp/post.lua's
# body. Sets rate (0 when any answer was not 2xx or a socket failed: a receiver that refuses is not fast), server_us
# and client_us (CPU a request) and m_busy.
wrk_run() {
  local out="$tmp/wrk.txt"
  measured "$2" wrk -t 1 -c 32 -d "${LISTEN_SECONDS:-10}s" -s "$tmp/post.lua" "$1" >"$out"
  per_wrk_request "$out"
  if grep -q -e "Non-2xx" -e "Socket errors" "$out"; then
    echo "wrk against $1: $(grep -e "Non-2xx" -e "Socket errors" "$out")" >&2
    rate=0
    return
  fi
  rate=$(requests_per_second <"$out")
}

# start_sendout_listen PORT OUT [FLAGS…]: `sendout listen --secret s` with its output in OUT.
start_sendout_listen() {
  local port="$1" out="$2"
  shift 2
  "$bin" listen --port "$port" --secret s "$@" >"$out" 2>&1 &
  pids+=("$!")
  wait_for_port "$port"
}

bench_listen() {
  local event="${1:-customer.redemption.succeeded}" rounds="${LISTEN_ROUNDS:-3}"
  ensure_tools
  tmp="$(mktemp -d)"
  trap cleanup EXIT
  write_signed_post "$event"
  echo "event $event ($(wc -c <"$tmp/body.json") bytes), wrk: 1 thread, 32 connections, ${LISTEN_SECONDS:-10}s per run;" \
    "$rounds rounds of nginx, listen --quiet, listen, each ratio against the nginx run of its round"
  local hmac
  hmac=$(hmac_us "$(wc -c <"$tmp/body.json")")
  echo "HMAC-SHA256 of the body: ${hmac:-n/a} us (openssl speed), the verifying that nginx skips"
  local port nginx quiet lines round quiet_ratios="" line_ratios="" nginx_cpus="" beyond_cpus="" summaries="" valid=0
  local rate server_us client_us nginx_cpu quiet_cpu
  for round in $(seq 1 "$rounds"); do
    port=$(free_port)
    start_nginx "$port"
    wrk_run "http://127.0.0.1:$port/ok/webhooks" "$(nginx_worker "${pids[-1]}")"
    nginx="$rate"
    nginx_cpu=$(cpu_line nginx)
    nginx_cpus+="$server_us "
    stop_last_server
    port=$(free_port)
    start_sendout_listen "$port" "$tmp/quiet.txt" --quiet
    wrk_run "http://127.0.0.1:$port/webhooks" "${pids[-1]}"
    quiet="$rate"
    quiet_cpu=$(cpu_line "listen --quiet")
    beyond_cpus+="$(beyond "$server_us" "$hmac") "
    stop_last_server
    port=$(free_port)
    start_sendout_listen "$port" "$tmp/lines.txt"
    wrk_run "http://127.0.0.1:$port/webhooks" "${pids[-1]}"
    lines="$rate"
    stop_last_server
    summaries+="$(grep '^arrivals' "$tmp/quiet.txt" | tail -n 1)"$'\n'
    valid=$((valid + $(grep -c 'signature valid' "$tmp/lines.txt" || true)))
    quiet_ratios+="$(ratio "$quiet" "$nginx") "
    line_ratios+="$(ratio "$lines" "$nginx") "
    printf 'round %s: nginx %.0f req/s; listen --quiet %.0f (%s); listen %.0f (%s)\n' "$round" "$nginx" "$quiet" \
      "$(ratio "$quiet" "$nginx")" "$lines" "$(ratio "$lines" "$nginx")"
    printf '         CPU a request: %s; %s\n' "$nginx_cpu" "$quiet_cpu"
  done
  echo "quiet summaries: $(paste -sd ';' <<<"${summaries%$'\n'}"); $valid lines with a valid signature"
  echo
  echo "| target | measured (median of $rounds rounds; each) | met |"
  echo "|---|---|---|"
  local r
  r=$(median $quiet_ratios)
  printf '| listen --quiet >= 0.8x nginx | %s (%s) | %s |\n' "$r" "${quiet_ratios% }" \
    "$(awk -v r="$r" 'BEGIN { print (r + 0 >= 0.8) ? "yes" : "no" }')"
  printf '| CPU a request: listen --quiet less the HMAC (%s us) vs nginx (median) | %s vs %s us | - |\n' \
    "${hmac:-n/a}" "$(median $beyond_cpus)" "$(median $nginx_cpus)"
  r=$(median $line_ratios)
  printf '| listen (a line per request) >= 0.6x nginx | %s (%s) | %s |\n' "$r" "${line_ratios% }" \
    "$(awk -v r="$r" 'BEGIN { print (r + 0 >= 0.6) ? "yes" : "no" }')"
  printf '| every quiet arrival verified | %s | %s |\n' "$(grep -c . <<<"$summaries") summaries" \
    "$(grep -v -q ' failed 0 ' <<<"${summaries%$'\n'}" && echo no || echo yes)"
}

bench_load() {
  event="${1:-customer.redemption.succeeded}"
  seconds="${LOAD_SECONDS:-10}"
  open_seconds="${OPEN_SECONDS:-30}"
  open_rate="${OPEN_RATE:-40000}"
  million="${MILLION:-1000000}"
  connections="${CONNECTIONS:-32}"
  threads="${THREADS:-2}"
  ensure_tools
  tmp="$(mktemp -d)"
  trap cleanup EXIT

  write_signed_post "$event"
  echo "event $event ($(wc -c <"$tmp/body.json") bytes), $connections connections, $threads threads, ${seconds}s per run"

  local nginx_port listener_port
  nginx_port=$(free_port)
  start_nginx "$nginx_port"
  local hmac
  hmac=$(hmac_us "$(wc -c <"$tmp/body.json")")
  echo "HMAC-SHA256 of the body: ${hmac:-n/a} us (openssl speed), the signing that wrk's fixed body skips"
  closed_loop nginx "http://127.0.0.1:$nginx_port/webhooks" "$(nginx_worker "${pids[-1]}")" unsigned
  local nginx_wrk="$closed_wrk" nginx_sendout="$closed_sendout" nginx_ratio="$closed_ratio" nginx_ratios="$closed_ratios"
  local nginx_wrk_cpu="$closed_wrk_cpu" nginx_beyond_cpu="$closed_beyond_cpu"

  # Open loop against nginx, with load's default threads for the rate (one up to 40,000 req/s, then two): first as
  # is, then with nginx and the generator on different CPUs (taskset), so that the lag measured is the generator's
  # own and not the scheduler's handing one core to both (the goal row uses the pinned run when there is one).
  local open="$tmp/open.json" achieved lag pinned_lag="" pinned_achieved=""
  "$bin" load --to "http://127.0.0.1:$nginx_port/webhooks" --event "$event" --rate "$open_rate" \
    --duration "${open_seconds}s" --connections "$connections" --secret s --json \
    >"$open" 2>"$tmp/open.err" || true
  achieved=$(json_field "$open" achieved_rate)
  lag=$(json_field "$open" scheduling_lag_p99_ms)
  printf 'open loop  asked %s req/s for %ss: achieved %s req/s (%s of target), scheduling lag p99 %s ms\n' \
    "$open_rate" "$open_seconds" "$achieved" "$(ratio "$achieved" "$open_rate")" "$lag"
  if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
    local worker
    for worker in $(pgrep -f "nginx: worker process" || true); do taskset -pc 0 "$worker" >/dev/null 2>&1 || true; done
    taskset -c 1 "$bin" load --to "http://127.0.0.1:$nginx_port/webhooks" --event "$event" --rate "$open_rate" \
      --duration "${open_seconds}s" --connections "$connections" --secret s --json \
      >"$tmp/open-pinned.json" 2>/dev/null || true
    for worker in $(pgrep -f "nginx: worker process" || true); do taskset -pc 0-"$(($(nproc) - 1))" "$worker" >/dev/null 2>&1 || true; done
    pinned_achieved=$(json_field "$tmp/open-pinned.json" achieved_rate)
    pinned_lag=$(json_field "$tmp/open-pinned.json" scheduling_lag_p99_ms)
    printf 'open loop  pinned (nginx on CPU 0, load on CPU 1): achieved %s req/s, scheduling lag p99 %s ms\n' \
      "$pinned_achieved" "$pinned_lag"
  fi

  # A million requests, closed loop, peak RSS.
  local timed="$tmp/million.time"
  /usr/bin/time -v "$bin" load --to "http://127.0.0.1:$nginx_port/webhooks" --event "$event" --count "$million" \
    --connections "$connections" --threads "$threads" --secret s --json >"$tmp/million.json" 2>"$timed" || true
  local rss_kb rss_mb million_rate
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$timed")
  rss_mb=$(awk -v k="${rss_kb:-0}" 'BEGIN { printf "%.1f", k / 1024 }')
  million_rate=$(json_field "$tmp/million.json" achieved_rate)
  printf 'million    %s requests at %s req/s: peak RSS %s MB\n' "$million" "$million_rate" "$rss_mb"

  # URLSession: the transport in load mode vs a bare loop, same body, connections and duration.
  local bare_rate="" urlsession_rate=""
  if write_bare_loop && swiftc -O "$tmp/bare.swift" -o "$tmp/bare" >"$tmp/bare.log" 2>&1; then
    bare_rate=$("$tmp/bare" "http://127.0.0.1:$nginx_port/webhooks" "$tmp/body.json" "$connections" "$seconds")
    "$bin" load --to "http://127.0.0.1:$nginx_port/webhooks" --transport urlsession --event "$event" \
      --connections "$connections" --duration "${seconds}s" --secret s --json >"$tmp/urlsession.json" 2>/dev/null || true
    urlsession_rate=$(json_field "$tmp/urlsession.json" achieved_rate)
    printf 'urlsession bare loop %s req/s   sendout load --transport urlsession %s req/s   ratio %s\n' \
      "$bare_rate" "$urlsession_rate" "$(ratio "${urlsession_rate:-0}" "$bare_rate")"
  else
    echo "urlsession not measured: the bare loop did not compile (see $tmp/bare.log)"
  fi
  stop_last_server

  listener_port=$(free_port)
  start_listener "$listener_port"
  closed_loop listener "http://127.0.0.1:$listener_port/webhooks" "${pids[-1]}"
  local listener_wrk="$closed_wrk" listener_sendout="$closed_sendout" listener_ratio="$closed_ratio"
  local listener_ratios="$closed_ratios"
  stop_last_server

  echo
  echo "| target | measured | met |"
  echo "|---|---|---|"
  printf '| closed loop vs wrk, nginx: >= 0.95 (median of rounds; each) | %s (%s; median round %.0f vs %.0f req/s) | %s |\n' \
    "$nginx_ratio" "$nginx_ratios" "$nginx_sendout" "$nginx_wrk" \
    "$(awk -v r="$nginx_ratio" 'BEGIN { print (r + 0 >= 0.95) ? "yes" : "no" }')"
  printf '| CPU a request: sendout load less the HMAC (%s us) vs wrk, on nginx (median) | %s vs %s us | - |\n' \
    "${hmac:-n/a}" "$nginx_beyond_cpu" "$nginx_wrk_cpu"
  printf '| closed loop vs wrk, nginx, sendout load without --secret: what the signing costs (median; each) | %s (%s) | - |\n' \
    "$unsigned_ratio" "$unsigned_ratios"
  printf '| closed loop vs wrk, sendout listen: >= 0.80 (median; each) | %s (%s; median round %.0f vs %.0f req/s) | %s |\n' \
    "$listener_ratio" "$listener_ratios" "$listener_sendout" "$listener_wrk" \
    "$(awk -v r="$listener_ratio" 'BEGIN { print (r + 0 >= 0.8) ? "yes" : "no" }')"
  if [ -n "$pinned_lag" ]; then
    achieved="$pinned_achieved"
    lag="$pinned_lag (pinned; $(json_field "$open" scheduling_lag_p99_ms) as is)"
  fi
  printf '| open loop %s req/s: achieved within 1%% | %s req/s | %s |\n' "$open_rate" "$achieved" \
    "$(awk -v a="$achieved" -v t="$open_rate" 'BEGIN { print (a >= 0.99 * t) ? "yes" : "no" }')"
  printf '| open loop: scheduling lag p99 < 1 ms | %s ms | %s |\n' "$lag" \
    "$(awk -v l="${lag%% *}" 'BEGIN { print (l != "" && l < 1) ? "yes" : "no" }')"
  printf '| %s requests: peak RSS < 64 MB | %s MB | %s |\n' "$million" "$rss_mb" \
    "$(awk -v m="$rss_mb" 'BEGIN { print (m > 0 && m < 64) ? "yes" : "no" }')"
  if [ -n "$bare_rate" ]; then
    local r
    r=$(ratio "${urlsession_rate:-0}" "$bare_rate")
    printf '| URLSession transport within 10%% of a bare URLSession loop | %s (%s vs %s req/s) | %s |\n' "$r" \
      "${urlsession_rate:-0}" "$bare_rate" "$(awk -v r="$r" 'BEGIN { print (r + 0 >= 0.9) ? "yes" : "no" }')"
  else
    echo "| URLSession transport within 10% of a bare URLSession loop | not measured | - |"
  fi
}

# --- world ----------------------------------------------------------------------------------------

bench_world() {
  [ -x /usr/bin/time ] || ensure_tools
  for vouchers in 10000 1000000; do
    /usr/bin/time -f "  peak RSS %M KB" "$bin" bench world --customers 100000 --vouchers "$vouchers" 2>&1
  done
}

# --- serve ----------------------------------------------------------------------------------------

# compact_field JSON NAME: the integer value of a top-level field of a one-line JSON object.
compact_field() { sed -n "s|.*\"$2\":\([0-9]*\).*|\1|p" <<<"$1"; }

# post_rate PORT PATH BODY: requests/s of `POST PATH` with BODY, 8 connections for 10 s (wrk).
post_rate() {
  printf '%s\n' 'wrk.method = "POST"' 'wrk.headers["content-type"] = "application/json"' \
    'wrk.headers["x-app-id"] = "bench"' 'wrk.headers["x-app-token"] = "bench"' "wrk.body = '$3'" >"$tmp/post.lua"
  wrk -t 2 -c 8 -d 10s -s "$tmp/post.lua" "http://127.0.0.1:$1$2" | requests_per_second
}

# validation_rule PORT NAME RULE: creates a validation rule of the one rule RULE (`"1":{…}`); prints its id.
validation_rule() {
  curl -s -H "X-App-Id: bench" -H "X-App-Token: bench" "http://127.0.0.1:$1/v1/validation-rules" \
    -d "{\"name\":\"$2\",\"rules\":{$3,\"logic\":\"1\"}}" | sed -n 's|.*"id":"\(val_[A-Za-z0-9]*\)".*|\1|p'
}

# bench_eligibility PORT: check eligibility for a customer holding 20 codes that apply (no rule) and 200 that do
# not (a rule the order misses), all scenario ALL (the sample's promotion tiers too); sets eligibility_rate and
# eligibility_listed (how many redeemables the answer lists, limit 50).
bench_eligibility() {
  local port="$1" keys=(-H "X-App-Id: bench" -H "X-App-Token: bench") rule n
  rule=$(validation_rule "$port" "bench eligibility" '"1":{"name":"order.amount","conditions":{"$more_than":[1000000]}}')
  curl -s "${keys[@]}" "http://127.0.0.1:$port/v1/campaigns" -d '{"name":"Bench eligible","campaign_type":"DISCOUNT_COUPONS","vouchers_count":20,"voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":500}}}' >/dev/null
  curl -s "${keys[@]}" "http://127.0.0.1:$port/v1/campaigns" -d "{\"name\":\"Bench ineligible\",\"campaign_type\":\"DISCOUNT_COUPONS\",\"vouchers_count\":200,\"validation_rules\":[\"$rule\"],\"voucher\":{\"type\":\"DISCOUNT_VOUCHER\",\"discount\":{\"type\":\"AMOUNT\",\"amount_off\":500}}}" >/dev/null
  for n in $(seq 1 220); do
    local name="Bench ineligible"
    [ "$n" -le 20 ] && name="Bench eligible"
    curl -s "${keys[@]}" "http://127.0.0.1:$port/v1/publications" \
      -d "{\"customer\":{\"source_id\":\"bench-eligible\"},\"campaign\":{\"name\":\"$name\"}}" >/dev/null
  done
  local body='{"customer":{"source_id":"bench-eligible"},"order":{"amount":20000},"options":{"limit":50}}'
  eligibility_listed=$(curl -s "${keys[@]}" "http://127.0.0.1:$port/v1/qualifications" -d "$body" |
    sed -n 's|.*"total":\([0-9]*\),"has_more".*|\1|p' | head -n 1)
  eligibility_rate=$(post_rate "$port" /v1/qualifications "$body")
  echo "POST /v1/qualifications, 20 applicable and 200 inapplicable held codes ($eligibility_listed listed): $eligibility_rate req/s"
}

# bench_validations PORT: validate a code of a campaign with three validation rules (one given at creation, two
# assigned), all met; sets validate_rate and validate_valid.
bench_validations() {
  local port="$1" keys=(-H "X-App-Id: bench" -H "X-App-Token: bench") rule_ids=() rule rules_code
  for rule in '"1":{"name":"order.amount","conditions":{"$more_than":[5000]}}' \
    '"1":{"name":"order.metadata","property":"channel","conditions":{"$is":["web"]}}' \
    '"1":{"name":"redemption.count.per_customer","conditions":{"$less_than_or_equal":[1000]}}'; do
    rule_ids+=("$(validation_rule "$port" "bench ${#rule_ids[@]}" "$rule")")
  done
  curl -s "${keys[@]}" "http://127.0.0.1:$port/v1/campaigns" -d "{\"name\":\"Bench rules\",\"campaign_type\":\"DISCOUNT_COUPONS\",\"vouchers_count\":1,\"validation_rules\":[\"${rule_ids[0]}\"],\"voucher\":{\"type\":\"DISCOUNT_VOUCHER\",\"discount\":{\"type\":\"AMOUNT\",\"amount_off\":500}}}" >/dev/null
  for rule in "${rule_ids[1]}" "${rule_ids[2]}"; do
    curl -s "${keys[@]}" "http://127.0.0.1:$port/v1/validation-rules/$rule/assignments" \
      -d '{"related_object_type":"campaign","related_object_id":"Bench rules"}' >/dev/null
  done
  rules_code=$(curl -s "${keys[@]}" "http://127.0.0.1:$port/v1/publications" \
    -d '{"customer":{"source_id":"bench"},"campaign":{"name":"Bench rules"}}' |
    sed -n 's|.*"code":"\([A-Za-z0-9-]*\)".*|\1|p' | head -n 1)
  local validate_body="{\"redeemables\":[{\"object\":\"voucher\",\"id\":\"$rules_code\"}],\"order\":{\"amount\":20000,\"metadata\":{\"channel\":\"web\"}},\"customer\":{\"source_id\":\"bench\"}}"
  validate_valid=$(curl -s "${keys[@]}" "http://127.0.0.1:$port/v1/validations" -d "$validate_body" |
    sed -n 's|.*"valid":\([a-z]*\).*|\1|p' | head -n 1)
  validate_rate=$(post_rate "$port" /v1/validations "$validate_body")
  echo "POST /v1/validations, a campaign with 3 rules (valid: $validate_valid): $validate_rate req/s"
}

# rules_rows: the validations and qualifications rows of the serve table.
rules_rows() {
  printf '| POST /v1/validations, a campaign with three rules, >= 5,000/s | %s req/s (valid: %s) | %s |\n' \
    "$validate_rate" "$validate_valid" \
    "$(awk -v r="$validate_rate" -v v="$validate_valid" 'BEGIN { print (r + 0 >= 5000 && v == "true") ? "yes" : "no" }')"
  printf '| POST /v1/qualifications, a customer with 20 applicable and 200 inapplicable codes, >= 2,000/s | %s req/s (%s listed) | %s |\n' \
    "$eligibility_rate" "$eligibility_listed" \
    "$(awk -v r="$eligibility_rate" -v n="$eligibility_listed" 'BEGIN { print (r + 0 >= 2000 && n + 0 >= 20) ? "yes" : "no" }')"
}

# miss_script PATH: a wrk script that GETs PATH with the app keys and a query string of its own each request: the
# thread's number and its count (wrk's threads each run the script in a Lua state of their own, so a count alone
# would repeat the other thread's targets, and half the calls would be read-cache hits).
miss_script() {
  printf '%s\n' 'local threads = 0' \
    'function setup(thread) threads = threads + 1; thread:set("id", threads) end' \
    'counter = 0' 'wrk.headers["x-app-id"] = "bench"' 'wrk.headers["x-app-token"] = "bench"' \
    'request = function()' '  counter = counter + 1' \
    "  return wrk.format(\"GET\", \"$1?miss=\" .. id .. \"-\" .. counter)" 'end'
}

bench_serve() {
  local seconds="${SERVE_SECONDS:-30}"
  case "${SERVE_ONLY:-}" in
    "" | rules) ;;
    *) echo "SERVE_ONLY is '$SERVE_ONLY': only 'rules' (or unset) is known" >&2 && exit 64 ;;
  esac
  ensure_tools
  tmp="$(mktemp -d)"
  trap cleanup EXIT
  local listen_port api_port nginx_port
  listen_port=$(free_port)
  start_listener "$listen_port"
  api_port=$(free_port)
  /usr/bin/time -f "%M" -o "$tmp/serve-rss.txt" "$bin" serve --port "$api_port" --app-id bench --app-token bench \
    --secret s --to "http://127.0.0.1:$listen_port/webhooks" --retry-schedule none --audit "$tmp/audit.jsonl" \
    >/dev/null 2>&1 &
  pids+=("$!")
  local serve_time_pid="$!"
  wait_for_port "$api_port"
  if [ "${SERVE_ONLY:-}" = rules ]; then
    bench_validations "$api_port"
    bench_eligibility "$api_port"
    printf '\n| target | measured | met |\n|---|---|---|\n'
    rules_rows
    pkill -KILL -P "$serve_time_pid" 2>/dev/null || true # serve itself: cleanup stops /usr/bin/time only
    return
  fi
  local keys=(-H "X-App-Id: bench" -H "X-App-Token: bench")
  local code
  code=$(curl -s "${keys[@]}" "http://127.0.0.1:$api_port/v1/publications" \
    -d '{"customer":{"source_id":"bench"},"campaign":{"name":"Welcome Offer"}}' |
    sed -n 's|.*"code":"\([A-Z0-9-]*\)".*|\1|p' | head -n 1)
  mkdir -p "$tmp/static"
  curl -s "${keys[@]}" "http://127.0.0.1:$api_port/v1/vouchers/$code" >"$tmp/static/voucher.json"
  nginx_port=$(free_port)
  start_nginx "$nginx_port"
  local get_api get_nginx
  get_api=$(wrk -t 2 -c 32 -d 10s "${keys[@]}" "http://127.0.0.1:$api_port/v1/vouchers/$code" | requests_per_second)
  get_nginx=$(wrk -t 2 -c 32 -d 10s "http://127.0.0.1:$nginx_port/static/voucher.json" | requests_per_second)
  # A read-cache miss every time: the cache is keyed by the whole target, and the route ignores the query string.
  # nginx gets the same script (a Lua call a request costs wrk's thread, so the peer's run pays it too).
  # Both miss runs are measured: the CPU time a request of the server and of wrk, and how busy the CPUs were.
  local get_miss get_nginx_miss serve_child miss_cpu server_us client_us
  serve_child=$(pgrep -P "$serve_time_pid" | head -n 1)
  miss_script "/v1/vouchers/$code" >"$tmp/miss.lua"
  measured "$serve_child" wrk -t 2 -c 32 -d 10s -s "$tmp/miss.lua" "http://127.0.0.1:$api_port/" >"$tmp/miss.txt"
  get_miss=$(requests_per_second <"$tmp/miss.txt")
  per_wrk_request "$tmp/miss.txt"
  miss_cpu=$(cpu_line serve)
  miss_script "/static/voucher.json" >"$tmp/nginx-miss.lua"
  measured "$(nginx_worker "${pids[-1]}")" wrk -t 2 -c 32 -d 10s -s "$tmp/nginx-miss.lua" "http://127.0.0.1:$nginx_port/" \
    >"$tmp/nginx-miss.txt"
  get_nginx_miss=$(requests_per_second <"$tmp/nginx-miss.txt")
  per_wrk_request "$tmp/nginx-miss.txt"
  miss_cpu+="; $(cpu_line nginx)"
  echo "GET voucher ($(wc -c <"$tmp/static/voucher.json") bytes): serve $get_api req/s (cache), $get_miss req/s (miss);" \
    "nginx $get_nginx req/s, $get_nginx_miss req/s with the miss script"
  echo "CPU a request on a miss: $miss_cpu"
  bench_validations "$api_port"
  bench_eligibility "$api_port"
  printf '%s\n' 'wrk.method = "POST"' 'wrk.headers["content-type"] = "application/json"' \
    'wrk.headers["x-app-id"] = "bench"' 'wrk.headers["x-app-token"] = "bench"' \
    "wrk.body = '{\"redeemables\":[{\"object\":\"voucher\",\"id\":\"$code\"}],\"order\":{\"amount\":20000},\"customer\":{\"source_id\":\"bench\"}}'" \
    >"$tmp/redeem.lua"
  local before redeemed rate records
  before=$(grep -c . "$tmp/audit.jsonl" || true)
  wrk -t 2 -c 8 -d "${seconds}s" -s "$tmp/redeem.lua" "http://127.0.0.1:$api_port/v1/redemptions" >"$tmp/redeem.txt"
  rate=$(requests_per_second <"$tmp/redeem.txt")
  redeemed=$(sed -n 's|^ *\([0-9]*\) requests in.*|\1|p' "$tmp/redeem.txt")
  # The webhooks queued by the calls finish after them: wait (at most 120 s) until the queue is empty.
  local drained_after=0 delivery
  for _ in $(seq 1 1200); do
    delivery=$(curl -s "${keys[@]}" "http://127.0.0.1:$api_port/_sendout/delivery")
    if [ "$(compact_field "$delivery" queued)" = 0 ] && [ "$(compact_field "$delivery" in_flight)" = 0 ]; then break; fi
    sleep 0.1
    drained_after=$((drained_after + 1))
  done
  records=$(($(grep -c . "$tmp/audit.jsonl" || true) - before))
  echo "POST /v1/redemptions for ${seconds}s (8 connections): $redeemed redemptions, $rate req/s"
  echo "delivery: $delivery (queue empty $((drained_after / 10)).$((drained_after % 10)) s after the load ended)"
  # Memory over a million calls: nine reads to one write (enable/disable, each sending a webhook), in rounds of
  # 10 s until SERVE_MILLION calls were made, with the server's resident memory after each round.
  local million="${SERVE_MILLION:-1000000}" calls=0 round rss_line=""
  printf '%s\n' 'counter = 0' 'wrk.headers["x-app-id"] = "bench"' 'wrk.headers["x-app-token"] = "bench"' \
    'request = function()' '  counter = counter + 1' '  if counter % 10 == 0 then' \
    "    local action = (counter % 20 == 0) and \"/enable\" or \"/disable\"" \
    "    return wrk.format(\"POST\", \"/v1/vouchers/$code\" .. action, nil, \"\")" '  end' \
    "  return wrk.format(\"GET\", \"/v1/vouchers/$code\")" 'end' >"$tmp/mixed.lua"
  for _ in $(seq 1 40); do
    [ "$calls" -ge "$million" ] && break
    wrk -t 2 -c 16 -d 10s -s "$tmp/mixed.lua" "http://127.0.0.1:$api_port/" >"$tmp/mixed.txt"
    round=$(sed -n 's|^ *\([0-9]*\) requests in.*|\1|p' "$tmp/mixed.txt")
    calls=$((calls + round))
    rss_line+="$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$serve_child/status" 2>/dev/null || echo '?') MB after $calls; "
  done
  echo "memory over $calls mixed calls (9 reads : 1 write): $rss_line"
  stop_last_server # nginx
  local serve_pid="${pids[$((${#pids[@]} - 1))]}"
  pkill -KILL -P "$serve_pid" 2>/dev/null || true # serve itself (time then writes its peak RSS); a TERM would
  # wait for the delivery backlog to be recorded
  wait "$serve_pid" 2>/dev/null || true
  echo
  echo "| target | measured | met |"
  echo "|---|---|---|"
  local r
  r=$(ratio "$get_api" "$get_nginx")
  printf '| GET /v1/vouchers/{code} >= 0.5x nginx serving the same bytes | %s (%s vs %s req/s) | %s |\n' "$r" \
    "$get_api" "$get_nginx" "$(awk -v r="$r" 'BEGIN { print (r + 0 >= 0.5) ? "yes" : "no" }')"
  r=$(ratio "$get_miss" "$get_nginx_miss")
  printf '| GET /v1/vouchers/{code}, read-cache miss, >= 0.5x nginx (same wrk script) | %s (%s vs %s req/s) | %s |\n' \
    "$r" "$get_miss" "$get_nginx_miss" "$(awk -v r="$r" 'BEGIN { print (r + 0 >= 0.5) ? "yes" : "no" }')"
  printf '| POST /v1/redemptions >= 2,000/s for %ss | %s req/s | %s |\n' "$seconds" "$rate" \
    "$(awk -v r="$rate" 'BEGIN { print (r + 0 >= 2000) ? "yes" : "no" }')"
  rules_rows
  local accepted succeeded
  accepted=$(compact_field "$delivery" accepted)
  succeeded=$(compact_field "$delivery" succeeded)
  printf '| every webhook of the run delivered and recorded | %s of %s sendouts SUCCESS, %s audit records, queue empty %s s after the load | %s |\n' \
    "$succeeded" "$accepted" "$records" "$((drained_after / 10)).$((drained_after % 10))" \
    "$([ -n "$accepted" ] && [ "$succeeded" = "$accepted" ] && echo yes || echo no)"
  printf '| resident memory over %s calls (after each 10 s round) | %s | - |\n' "$calls" "$rss_line"
  printf '| serve peak RSS | %s KB | - |\n' "$(tail -n 1 "$tmp/serve-rss.txt" 2>/dev/null || echo '?')"
}

# --- distributed --------------------------------------------------------------------------------------

bench_distributed() {
  local total="${DIST_REQUESTS:-4000}" users="${DIST_USERS:-20}" user_rate="${DIST_USER_RATE:-25}"
  tmp="$(mktemp -d)"
  trap cleanup EXIT
  echo "installing Locust from PyPI into a throwaway venv ($tmp/venv)"
  python3 -m venv "$tmp/venv"
  "$tmp/venv/bin/pip" install -q "locust${LOCUST_VERSION:+==$LOCUST_VERSION}" >"$tmp/pip.log" 2>&1 ||
    { cat "$tmp/pip.log" >&2; return 1; }
  local port master_port
  port=$(free_port)
  start_sendout_listen "$port" "$tmp/arrivals.txt"
  local url="http://127.0.0.1:$port/webhooks" shard
  for shard in 1 2; do
    "$bin" load --to "$url" --count "$total" --secret s --export "$tmp/shard-$shard.jsonl" --shard "$shard/2"
  done
  master_port=$(free_port)
  local seconds=$((total / (users * user_rate) + 15))
  local locust=("$tmp/venv/bin/locust" -f examples/locust/locustfile.py)
  "${locust[@]}" --master --master-bind-host 127.0.0.1 --master-bind-port "$master_port" --headless \
    --users "$users" --spawn-rate "$users" --run-time "${seconds}s" --expect-workers 2 --csv "$tmp/locust" \
    --only-summary >"$tmp/master.log" 2>&1 &
  local master="$!"
  pids+=("$master")
  for shard in 1 2; do
    SENDOUT_TARGETS="$tmp/shard-{shard}.jsonl" SENDOUT_USER_RATE="$user_rate" "${locust[@]}" --worker \
      --master-host 127.0.0.1 --master-port "$master_port" >"$tmp/worker-$shard.log" 2>&1 &
    pids+=("$!")
  done
  echo "Locust master + 2 workers: $users users at $user_rate req/s each, ${seconds}s, $total requests in two shards"
  wait "$master" || true
  sleep 1 # the listener's last lines
  local figures
  figures=$("$tmp/venv/bin/python" - "$tmp/arrivals.txt" "$tmp/locust_stats.csv" "$tmp"/shard-*.jsonl <<'PY'
import base64, csv, json, re, sys
arrivals = [l for l in open(sys.argv[1], encoding="utf-8") if " POST " in l]
ids = [m.group(0) for m in (re.search(r"\bwhs_[0-9A-Za-z]+", l) for l in arrivals) if m]
valid = sum(" signature valid " in l for l in arrivals)
exported = set()
for path in sys.argv[3:]:
    for line in open(path, encoding="utf-8"):
        exported.add(json.loads(base64.b64decode(json.loads(line)["body"]))["id"])
row = next(r for r in csv.DictReader(open(sys.argv[2])) if r["Name"] == "Aggregated")
print(len(exported), len(arrivals), valid, len(set(ids)), len(set(ids) & exported),
      row["Request Count"], row["Failure Count"], round(float(row["Requests/s"])), row["50%"], row["99%"])
PY
  )
  local exported arrived valid unique matched sent failures rate p50 p99
  read -r exported arrived valid unique matched sent failures rate p50 p99 <<<"$figures"
  echo "Locust: $sent requests, $failures failures, $rate req/s, p50 $p50 ms, p99 $p99 ms (merged by the master)"
  echo "listener: $arrived arrivals, $valid with a valid signature, $unique unique sendout ids, $matched of the $exported exported"
  echo
  echo "| target | measured | met |"
  echo "|---|---|---|"
  printf '| every exported request arrived once, signature valid, id unique | %s exported, %s arrived, %s valid, %s unique, %s matched | %s |\n' \
    "$exported" "$arrived" "$valid" "$unique" "$matched" \
    "$([ "$arrived" = "$exported" ] && [ "$valid" = "$exported" ] && [ "$unique" = "$exported" ] && [ "$matched" = "$exported" ] && echo yes || echo no)"
}

# --- limits -----------------------------------------------------------------------------------------

# write_limit_scenario FILE NAME STEPS: a scenario with one project webhook for every event.
write_limit_scenario() {
  printf '{"version": 1, "name": "%s", "project": {"webhooks": [{"events": "all"}]}, "steps": [%s]}\n' "$2" "$3" >"$1"
}

# time_command LABEL COMMAND…: wall seconds and peak RSS of one run (exit status shown when not 0).
time_command() {
  local label="$1" timed="$tmp/time.txt" status=0
  shift
  /usr/bin/time -v "$@" >/dev/null 2>"$timed" || status=$?
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): *\(.*\)/\1/p' "$timed")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$timed")
  printf '| %s | %s | %s MB | %s |\n' "$label" "$wall" "$(awk -v k="${rss:-0}" 'BEGIN { printf "%.0f", k / 1024 }')" \
    "$([ "$status" -eq 0 ] && echo ok || echo "exit $status")"
}

bench_limits() {
  [ -x /usr/bin/time ] || ensure_tools
  tmp="$(mktemp -d)"
  trap cleanup EXIT
  local n=24990 # + the setup steps = just under the 25,000-operation limit
  write_limit_scenario "$tmp/custom-events.json" "custom events" \
    "{\"customer_create\": {\"key\": \"c\", \"name\": \"A\"}}, {\"repeat\": {\"times\": $n, \"steps\": [{\"custom_event\": {\"customer\": \"random\", \"event\": \"x\"}}]}}"
  write_limit_scenario "$tmp/customers.json" "new customers" \
    "{\"repeat\": {\"times\": $n, \"steps\": [{\"customer_create\": {\"name\": \"A\"}}]}}"
  write_limit_scenario "$tmp/publications.json" "publications" \
    "{\"campaign_create\": {\"key\": \"k\", \"name\": \"Big\"}}, {\"customer_create\": {\"key\": \"c\", \"name\": \"A\"}}, {\"repeat\": {\"times\": $n, \"steps\": [{\"publish\": {\"campaign\": \"k\", \"customer\": \"c\"}}]}}"
  write_limit_scenario "$tmp/vouchers.json" "generated vouchers" \
    "{\"campaign_create\": {\"name\": \"Big\", \"vouchers_count\": $n}}"
  echo "scenarios at the 25,000-operation limit ($n repeated operations each)"
  echo
  echo "| command | wall | peak RSS | result |"
  echo "|---|---|---|---|"
  local name
  for name in custom-events customers publications vouchers; do
    time_command "validate $name" "$bin" validate "$tmp/$name.json"
    time_command "run --dry-run $name" "$bin" run "$tmp/$name.json" --dry-run --to http://127.0.0.1:9/
  done
}

case "$what" in
  render) bench_render "${2:-3}" ;;
  render-vs-node) bench_render_vs_node "${2:-3}" "${3:-}" ;;
  listen) bench_listen "${2:-}" ;;
  distributed) bench_distributed ;;
  load) bench_load "${2:-}" ;;
  world) bench_world ;;
  serve) bench_serve ;;
  limits) bench_limits ;;
esac
