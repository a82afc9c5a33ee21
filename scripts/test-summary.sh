#!/usr/bin/env bash
# Prints the Surefire and Failsafe totals of every module as one closing line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
tests=0; failed=0; skipped=0
for f in */target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml; do
  [ -e "$f" ] || continue
  head=$(grep -m1 -o '<testsuite [^>]*>' "$f")
  t=$(sed -E 's/.* tests="([0-9]+)".*/\1/' <<<"$head")
  fl=$(sed -E 's/.* failures="([0-9]+)".*/\1/' <<<"$head")
  e=$(sed -E 's/.* errors="([0-9]+)".*/\1/' <<<"$head")
  s=$(sed -E 's/.* skipped="([0-9]+)".*/\1/' <<<"$head")
  tests=$((tests + t)); failed=$((failed + fl + e)); skipped=$((skipped + s))
done
echo "$((tests - failed - skipped)) passed, ${failed} failed, ${skipped} skipped"
