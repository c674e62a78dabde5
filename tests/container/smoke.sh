#!/usr/bin/env bash
# Builds the Action's image with podman and runs it the way GitHub's runner runs a Docker action:
# the workspace mounted at /github/workspace, --workdir there, INPUT_* and GITHUB_* variables, and
# the summary and output files inside the workspace. Asserts exit codes, summary and outputs.
# The run uses --network none, which shows that the container needs no network for a push event.
#
# Needs root, podman and buildah (installed on demand by podman-env.sh from shared/tools/container,
# found beside the clone or one level higher). Base images are built locally when missing.
# Prints build times and the image size. Usage: tests/container/smoke.sh
set -euo pipefail

REPO=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
TOOLS=""
for candidate in "$REPO/../shared/tools/container" "$REPO/../../shared/tools/container"; do
  if [ -f "$candidate/podman-env.sh" ]; then TOOLS=$(cd "$candidate" && pwd); break; fi
done
[ -n "$TOOLS" ] || { echo "error: shared/tools/container was not found beside $REPO. Put shared/ beside the clone." >&2; exit 2; }
. "$TOOLS/podman-env.sh"

IMAGE=${IMAGE:-annotationgate-action}
fail() { echo "FAIL: $*" >&2; exit 1; }
seconds() { date +%s.%N; }

if ! podman image exists mcr.microsoft.com/dotnet/sdk:10.0 || ! podman image exists mcr.microsoft.com/dotnet/runtime:10.0; then
  echo "== building local .NET base images"
  bash "$TOOLS/make-local-dotnet-images.sh"
fi

# The build container cannot reach nuget.org on these machines (TLS goes through the host's own
# certificate authority), so packages are restored on the host into a folder that the build mounts.
# On GitHub the Dockerfile restores from nuget.org as usual.
PACKAGES="$WORK/nuget-packages"
echo "== restoring packages on the host into $PACKAGES"
dotnet restore "$REPO/src/AnnotationGate.Cli/AnnotationGate.Cli.csproj" -r linux-x64 -p:NuGetAudit=false \
  --packages "$PACKAGES" >/dev/null

echo "== podman build"
start=$(seconds)
podman build --pull=never --network none -v "$PACKAGES:/root/.nuget/packages" \
  --build-arg NUGET_SOURCE=/root/.nuget/packages -t "$IMAGE" "$REPO" >"$WORK/build.log" 2>&1 \
  || { tail -30 "$WORK/build.log"; fail "podman build failed; the log is $WORK/build.log"; }
build_seconds=$(awk -v a="$(seconds)" -v b="$start" 'BEGIN { print a - b }')

ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
cp -r "$REPO/eval-configs" "$ws/"
mkdir "$ws/.git"

# Runs the image on gate $1 and echoes its exit code; outputs go to $ws/<name>.{summary,output,log}.
run_gate() {
  local gate=$1 name=$2 code=0
  : >"$ws/$name.summary"
  : >"$ws/$name.output"
  podman run --rm --network none \
    -v "$ws:/github/workspace" --workdir /github/workspace \
    -e HOME=/github/home -e GITHUB_WORKSPACE=/github/workspace \
    -e GITHUB_EVENT_NAME=push -e GITHUB_REPOSITORY=octo-org/octo-repo \
    -e GITHUB_STEP_SUMMARY="/github/workspace/$name.summary" \
    -e GITHUB_OUTPUT="/github/workspace/$name.output" \
    -e INPUT_GATE="$gate" -e "INPUT_CACHE-DIR=.annotationgate/cache" \
    -e "INPUT_REPORT-JSON=$name.report.json" -e INPUT_COMMENT=true \
    "$IMAGE" >"$ws/$name.log" 2>&1 || code=$?
  echo "$code"
}

echo "== podman run (failing gate)"
start=$(seconds)
code=$(run_gate eval-configs/failing.gate.yml failing)
run_seconds=$(awk -v a="$(seconds)" -v b="$start" 'BEGIN { print a - b }')
[ "$code" = 1 ] || { cat "$ws/failing.log"; fail "failing gate exited with $code, expected 1"; }
head -1 "$ws/failing.summary" | grep -qx '## AnnotationGate: FAIL' || fail "summary does not start with the FAIL heading"
grep -A1 -x 'verdict<<ghadelimiter_[0-9a-f]*' "$ws/failing.output" | grep -qx fail || fail "output verdict is not fail"
grep -q '^report-json<<' "$ws/failing.output" || fail "output report-json is missing"
[ -s "$ws/failing.report.json" ] || fail "the JSON report was not written"
[ "$(grep -c '^::error ' "$ws/failing.log")" -le 10 ] || fail "more than 10 error annotations"
grep -q '^::notice title=AnnotationGate::' "$ws/failing.log" || fail "no notice about left-out annotations"

echo "== podman run (passing gate)"
code=$(run_gate eval-configs/passing.gate.yml passing)
[ "$code" = 0 ] || { cat "$ws/passing.log"; fail "passing gate exited with $code, expected 0"; }
grep -A1 -x 'verdict<<ghadelimiter_[0-9a-f]*' "$ws/passing.output" | grep -qx pass || fail "output verdict is not pass"

echo "== podman run (pull_request event against a fake GitHub API on 127.0.0.1)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$REPO/tests/container/fake_github.py" "$port" "$ws/api.log" &
api_pid=$!
trap 'kill "$api_pid" 2>/dev/null; rm -rf "$ws"' EXIT
printf '{"number":7,"pull_request":{"number":7}}' >"$ws/event.json"
token="ghs_smokeTOKEN$(date +%s)"
for attempt in 1 2; do
  : >"$ws/pr.summary"
  : >"$ws/pr.output"
  code=0
  podman run --rm --network host \
    -v "$ws:/github/workspace" --workdir /github/workspace \
    -e HOME=/github/home -e GITHUB_WORKSPACE=/github/workspace \
    -e GITHUB_EVENT_NAME=pull_request -e GITHUB_EVENT_PATH=/github/workspace/event.json \
    -e GITHUB_REPOSITORY=octo-org/octo-repo -e GITHUB_API_URL="http://127.0.0.1:$port/" \
    -e GITHUB_STEP_SUMMARY=/github/workspace/pr.summary -e GITHUB_OUTPUT=/github/workspace/pr.output \
    -e INPUT_GATE=eval-configs/failing.gate.yml -e INPUT_TOKEN="$token" \
    "$IMAGE" >"$ws/pr.log" 2>&1 || code=$?
  [ "$code" = 1 ] || { cat "$ws/pr.log"; fail "pull_request run $attempt exited with $code, expected 1"; }
  expected=$([ "$attempt" = 1 ] && echo created || echo updated)
  grep -A1 '^comment-status<<' "$ws/pr.output" | grep -qx "$expected" || { cat "$ws/pr.log"; fail "comment was not $expected on run $attempt"; }
  if grep -q "$token" "$ws/pr.log" "$ws/pr.summary" "$ws/pr.output"; then fail "the token appears in the log, summary or outputs"; fi
done
grep -q "\"authorization\": \"Token $token\"" "$ws/api.log" || fail "the API did not receive the token"
[ "$(grep -c '"method": "POST"' "$ws/api.log")" = 1 ] || fail "expected one POST (create) and then a PATCH (update)"
grep -q '"method": "PATCH"' "$ws/api.log" || fail "the second run did not update the comment"

echo "== podman run (missing gate input)"
code=0
podman run --rm --network none -v "$ws:/github/workspace" --workdir /github/workspace \
  -e GITHUB_WORKSPACE=/github/workspace "$IMAGE" >"$ws/missing.log" 2>&1 || code=$?
[ "$code" = 2 ] || fail "a missing gate input exited with $code, expected 2"
grep -q "Input 'gate' is missing" "$ws/missing.log" || fail "no message for the missing gate input"

size=$(podman image inspect "$IMAGE" --format '{{.Size}}')
printf 'PASS: build %.1f s, run %.1f s, image %s MB\n' "$build_seconds" "$run_seconds" "$((size / 1000000))"
