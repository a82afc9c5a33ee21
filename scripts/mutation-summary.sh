#!/usr/bin/env bash
# Prints PIT's mutation score per package and overall from a mutations.xml report
# (default attacks/target/pit-reports/mutations.xml). Score = detected / all mutants, where
# detected = killed, timed out, memory or run error (PIT's own definition); "no coverage" mutants
# count as undetected. With --survivors it also lists every surviving / uncovered mutant.
set -uo pipefail
cd "$(dirname "$0")/.."
survivors=0
if [ "${1:-}" = "--survivors" ]; then
  survivors=1
  shift
fi
report=${1:-attacks/target/pit-reports/mutations.xml}
if [ ! -f "$report" ]; then
  echo "mutation: no report at $report" >&2
  exit 1
fi
# One <mutation .../> element per line in PIT's XML.
grep -o "<mutation [^>]*>.*</mutation>" "$report" | awk -v survivors="$survivors" '
  function field(name,   s) {
    if (match($0, "<" name ">[^<]*</" name ">")) {
      s = substr($0, RSTART + length(name) + 2, RLENGTH - 2 * length(name) - 5)
      gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&#39;/, "\047", s); gsub(/&amp;/, "\\&", s)
      return s
    }
    return ""
  }
  {
    match($0, /status=.[A-Z_]+./); status = substr($0, RSTART + 8, RLENGTH - 9)
    cls = field("mutatedClass"); pkg = cls; sub(/\.[^.]*$/, "", pkg)
    packages[pkg] = 1
    total[pkg]++; all++
    if (status == "KILLED" || status == "TIMED_OUT" || status == "MEMORY_ERROR" || status == "RUN_ERROR") {
      detected[pkg]++; alldetected++
    }
    if (status == "KILLED") { killed[pkg]++; allkilled++ }
    if (status == "TIMED_OUT") { timedout[pkg]++; alltimedout++ }
    if (status == "SURVIVED") { survived[pkg]++; allsurvived++ }
    if (status == "NO_COVERAGE") { nocoverage[pkg]++; allnocoverage++ }
    if (survivors && (status == "SURVIVED" || status == "NO_COVERAGE")) {
      sub(/.*\./, "", cls)
      lines[++n] = sprintf("  %-11s %s.%s:%s %s", status, cls, field("mutatedMethod"), field("lineNumber"), field("description"))
    }
  }
  function row(name, t, d, k, to, s, nc) {
    printf "%-26s %5.1f%%  %4d mutants: %4d killed, %3d timed out, %3d survived, %3d no coverage\n", \
      name, t ? 100 * d / t : 0, t, k, to, s, nc
  }
  END {
    # Packages in name order (portable awk has no sorted for-in).
    k = 0
    for (p in packages) { names[++k] = p }
    for (i = 2; i <= k; i++) {
      for (j = i; j > 1 && names[j - 1] > names[j]; j--) { t = names[j]; names[j] = names[j - 1]; names[j - 1] = t }
    }
    for (i = 1; i <= k; i++) {
      p = names[i]
      row(p, total[p], detected[p], killed[p], timedout[p], survived[p], nocoverage[p])
    }
    row("mutation score (all)", all, alldetected, allkilled, alltimedout, allsurvived, allnocoverage)
    for (i = 1; i <= n; i++) print lines[i]
  }'
