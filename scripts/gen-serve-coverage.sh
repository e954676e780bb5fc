#!/bin/sh
# Usage: scripts/gen-serve-coverage.sh    (on a shared machine: flock /tmp/swift-build.lock scripts/gen-serve-coverage.sh)
#
# Writes docs/serve-coverage.md (what `sendout serve` simulates, per tag of the spec) from
# `sendout serve --coverage`, which reads the endpoint tables, and copies its per-tag table into README.md between
# the serve-coverage markers, and the count into README's "It simulates N of the spec's M operations" (the serve
# section and the Commands table).
# ServeCoverageTests fails when either file differs from what the code produces.
set -eu
cd "$(dirname "$0")/.."
swift build --product sendout >/dev/null
"$(swift build --show-bin-path)/sendout" serve --coverage >docs/serve-coverage.md
python3 - <<'PY'
import re
doc = open("docs/serve-coverage.md", encoding="utf-8").read()
table = re.search(r"^\| tag \|.*?(?=\n\n)", doc, re.S | re.M).group(0)
readme = open("README.md", encoding="utf-8").read()
begin, end = "<!-- serve-coverage:begin -->", "<!-- serve-coverage:end -->"
head, rest = readme.split(begin)
_, tail = rest.split(end)
readme = head + begin + "\n" + table + "\n" + end + tail
simulated, total = re.search(r"^(\d+) of (\d+) operations of the spec are simulated", doc, re.M).groups()
readme = re.sub(r"(?<=simulates )\d+ of the spec's \d+ operations",
                f"{simulated} of the spec's {total} operations", readme)
open("README.md", "w", encoding="utf-8").write(readme)
PY
echo "wrote docs/serve-coverage.md and README.md's coverage table"
