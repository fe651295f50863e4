#!/usr/bin/env bash
# The asbuilt GitHub Action's check step (action.yml): runs `asbuilt check` with the action's inputs (passed as
# ASBUILT_* variables), writes the SARIF where asked, appends the Markdown report to the job summary
# ($GITHUB_STEP_SUMMARY), sets the step's outputs ($GITHUB_OUTPUT), and exits with check's own code, so the job
# fails on findings at or above fail-on. Runs the same outside GitHub with those variables set (tested so).
set -uo pipefail

bin="${ASBUILT_BIN:?ASBUILT_BIN: the asbuilt command (bin/asbuilt.js) is not set}"
snapshot="${ASBUILT_SNAPSHOT:?the action needs the snapshot input: the snapshot JSON to check}"
sarif="${ASBUILT_SARIF:-asbuilt.sarif}"
out="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/asbuilt-$$"
mkdir -p "$out"

args=(check "$snapshot" --format sarif,markdown,json -o "$out" --fail-on "${ASBUILT_FAIL_ON:-high}")
[ -n "${ASBUILT_SPEC:-}" ] && args+=(--spec "$ASBUILT_SPEC")
[ -n "${ASBUILT_BASELINE:-}" ] && args+=(--baseline "$ASBUILT_BASELINE")
[ "${ASBUILT_REQUIRE_FULL_COVERAGE:-false}" = "true" ] && args+=(--require-full-coverage)

node "$bin" "${args[@]}"
code=$?

if [ -f "$out/findings.sarif" ]; then
  mkdir -p "$(dirname "$sarif")"
  cp "$out/findings.sarif" "$sarif"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$out/findings.md" ]; then
  cat "$out/findings.md" >> "$GITHUB_STEP_SUMMARY"
fi
failing=0
if [ -f "$out/findings.json" ]; then
  failing=$(ASBUILT_FAIL_ON="${ASBUILT_FAIL_ON:-high}" node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const order = { low: 1, medium: 2, high: 3, critical: 4 };
    const t = process.env.ASBUILT_FAIL_ON.toLowerCase();
    const n = t === "none" ? 0 : r.findings.filter((f) => !f.waived && order[f.severity] >= order[t]).length;
    process.stdout.write(String(n));
  ' "$out/findings.json")
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    [ -f "$sarif" ] && echo "sarif=$sarif"
    echo "findings=$failing"
    echo "exit-code=$code"
  } >> "$GITHUB_OUTPUT"
fi
rm -rf "$out"
exit "$code"
