#!/usr/bin/env bash
# Packs AnnotationGate.MSBuild with its CLI and adds it to a sample project from a local folder only,
# with no other package source and a private NuGet packages folder. Then it checks three builds: a
# failing gate fails at the record's line, a passing gate passes, and an unchanged passing gate is
# skipped. Prints the package size and each build's time. It writes only under one temporary folder.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet pack "$repo/src/AnnotationGate.MSBuild" -c Release -o "$work/feed" --nologo -v:q
package=$(ls "$work"/feed/AnnotationGate.MSBuild.*.nupkg)
version=$(basename "$package" .nupkg | sed 's/^AnnotationGate\.MSBuild\.//')
echo "package: $(basename "$package"), $(du -m "$package" | cut -f1) MB"

sample="$work/sample"
mkdir -p "$sample/eval-configs"
cat > "$sample/nuget.config" <<XML
<configuration><packageSources><clear /><add key="local" value="$work/feed" /></packageSources></configuration>
XML
cat > "$sample/Sample.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="AnnotationGate.MSBuild" Version="$version" /></ItemGroup>
</Project>
XML
echo 'namespace Sample; public static class Greeter { public static string Hello() => "hi"; }' > "$sample/Greeter.cs"
echo '{ "type": "object", "required": ["intent"], "properties": { "intent": { "enum": ["refund", "other"] } } }' \
    > "$sample/eval-configs/reply.schema.json"
cat > "$sample/eval-configs/replies.gate.yml" <<'YAML'
version: 1
name: replies
datasets:
  outputs: { path: data.jsonl, id: id, purpose: outputs }
checks:
  - { id: reply-schema, type: json-schema, dataset: outputs, field: output, json: strict, schema: reply.schema.json }
YAML
write_data() {
    printf '%s\n' '{"id":"a","output":"{\"intent\":\"refund\"}"}' "{\"id\":\"b\",\"output\":\"{\\\"intent\\\":\\\"$1\\\"}\"}" \
        > "$sample/eval-configs/data.jsonl"
}

# Runs dotnet build in the sample and prints its exit code and time. The output goes to $work/build.log.
build() {
    local start end code=0
    start=$(date +%s.%N)
    (cd "$sample" && dotnet build --disable-build-servers -nodeReuse:false -tl:off) > "$work/build.log" 2>&1 || code=$?
    end=$(date +%s.%N)
    printf '%s: exit code %s, %.1f s\n' "$1" "$code" "$(echo "$end - $start" | bc)"
    return 0
}

fail() { echo "FAILED: $1" >&2; cat "$work/build.log" >&2; exit 1; }

write_data bogus
build "failing gate (restore, compile, gate)"
grep -q "$sample/eval-configs/data.jsonl(2): error AG1001: " "$work/build.log" || fail "no AG1001 error at data.jsonl(2)"

write_data other
build "passing gate"
grep -q "AnnotationGate: PASS" "$work/build.log" || fail "the passing gate printed no PASS line"

build "unchanged passing gate"
grep -q "AnnotationGate:" "$work/build.log" && fail "the unchanged gate ran again"
echo "package smoke test passed"
