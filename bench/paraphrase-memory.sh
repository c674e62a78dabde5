#!/usr/bin/env bash
# Peak memory of the paraphrase-consistency check as its dataset grows. It writes N records in groups
# of 4, listed group by group ("sorted") or shuffled. compare: exact needs no model, so the figure is
# the check's own state. compare: embedding runs all-MiniLM-L6-v2 at about 50 texts per CPU-second,
# so keep N small. Timed with /usr/bin/time for wall time and peak resident memory.
# Usage: bench/paraphrase-memory.sh [RECORDS] [sorted|shuffled] [exact|embedding] [CLI folder]
# The optional CLI folder runs an already published CLI (to compare two versions).
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-1000000}
order=${2:-sorted}
compare=${3:-exact}
work=$(mktemp -d /tmp/ag-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$records" "$order" "$compare" <<'PY'
import json, sys, random
folder, n, order, compare = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
random.seed(1)
replies = ["Reset your password from the sign-in page.", "Open Settings, then Security, then Reset password.",
           "We cannot help with that.", "Your refund is on its way and arrives in five days."]
rows = []
for i in range(n):
    group = i // 4
    text = replies[(group + (1 if i % 4 == 3 and group % 10 == 0 else 0)) % 4] + f" Ticket {group}."
    rows.append({"id": f"r{i}", "group": f"g{group}", "output": text})
if order == "shuffled":
    random.shuffle(rows)
with open(f"{folder}/outputs.jsonl", "w") as f:
    for row in rows:
        f.write(json.dumps(row) + "\n")
open(f"{folder}/bench.gate.yml", "w").write(f"""version: 1
datasets:
  outputs: {{ path: outputs.jsonl, id: id }}
checks:
  - {{ type: paraphrase-consistency, dataset: outputs, field: output, group: group, compare: {compare}, max-inconsistent-groups: 0.5 }}
""")
PY

cli=${4:-}
if [ -z "$cli" ]; then
  cli="$work/cli"
  dotnet publish src/AnnotationGate.Cli -c Release -o "$cli" --nologo -v quiet >/dev/null
fi
size=$(stat -c %s "$work/outputs.jsonl")
echo "records: $records ($order, compare: $compare), file: $((size / 1048576)) MiB"
/usr/bin/time -f "wall_seconds=%e user_seconds=%U system_seconds=%S peak_rss_kb=%M" \
  "$cli/annotationgate" run "$work/bench.gate.yml" --root "$work" --cache "$work/cache" 2>&1 | tail -n 3
