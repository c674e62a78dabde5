#!/usr/bin/env bash
# Whole-run benchmark: a gate with json-schema, length and required-fields checks over N JSONL
# records (default 1,000,000), timed with /usr/bin/time for wall time and peak resident memory.
# Usage: bench/gate-throughput.sh [RECORDS]
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-1000000}
work=$(mktemp -d /tmp/ag-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$records" <<'PY'
import json, sys, random
folder, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
intents = ["billing", "shipping", "cancel", "password_reset"]
with open(f"{folder}/outputs.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"r{i}", "output": {"intent": intents[i % 4], "reply": "Thanks, we are on it.", "confidence": round(random.random(), 3)}}) + "\n")
schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
          "required": ["intent", "reply", "confidence"], "additionalProperties": False,
          "properties": {"intent": {"enum": intents}, "reply": {"type": "string", "minLength": 1, "maxLength": 400},
                         "confidence": {"type": "number", "minimum": 0, "maximum": 1}}}
json.dump(schema, open(f"{folder}/reply.schema.json", "w"))
open(f"{folder}/bench.gate.yml", "w").write("""version: 1
datasets:
  outputs: { path: outputs.jsonl, id: id }
checks:
  - { type: json-schema, dataset: outputs, field: output, schema: reply.schema.json }
  - { type: length, dataset: outputs, field: output.reply, unit: code-points, max: 400 }
  - { type: required-fields, dataset: outputs, fields: [id, output.intent, output.reply] }
""")
PY

dotnet publish src/AnnotationGate.Cli -c Release -o "$work/cli" --nologo -v quiet >/dev/null
size=$(stat -c %s "$work/outputs.jsonl")
echo "records: $records, file: $((size / 1048576)) MiB"
echo "ceiling: System.Text.Json parse of every line of the same file (JsonDocument per line)"
dotnet run -c Release --project bench/AnnotationGate.Bench -- "$work/outputs.jsonl" raw 2>&1 | tail -n 2
echo "gate: json-schema + length + required-fields through the published CLI"
/usr/bin/time -f "wall_seconds=%e user_seconds=%U system_seconds=%S peak_rss_kb=%M" "$work/cli/annotationgate" run "$work/bench.gate.yml" --root "$work" 2>&1 | tail -n 3
