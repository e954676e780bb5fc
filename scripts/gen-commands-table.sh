#!/bin/sh
# Usage: scripts/gen-commands-table.sh    (on a shared machine: flock /tmp/swift-build.lock scripts/gen-commands-table.sh)
#
# Writes README.md's Commands table (between the commands markers) from `sendout help --markdown`, which reads each
# command's usage line and one-line summary: the table and `sendout --help` have one source.
# ReadmeCLITests fails when the README's table differs from what the commands say.
set -eu
cd "$(dirname "$0")/.."
swift build --product sendout >/dev/null
table="$("$(swift build --show-bin-path)/sendout" help --markdown)"
TABLE="$table" python3 - <<'PY'
import os
readme = open("README.md", encoding="utf-8").read()
begin, end = "<!-- commands:begin -->", "<!-- commands:end -->"
head, rest = readme.split(begin)
_, tail = rest.split(end)
open("README.md", "w", encoding="utf-8").write(head + begin + "\n" + os.environ["TABLE"] + "\n" + end + tail)
PY
echo "wrote README.md's Commands table"
