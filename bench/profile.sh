#!/usr/bin/env bash
# Where the CPU of one trailsleuth run goes: samples the whole process with Linux perf (Java frames named through the
# JVM's perf map) and prints the CPU seconds per thread group, per component and the top symbols. This is the profile
# behind the gaps explained in bench/README.md.
#
#   bench/profile.sh ARCHIVE [ingest|investigate]     (default: ingest into a fresh temporary store)
#
# Needs perf (apt-get install linux-perf) and permission to sample (kernel.perf_event_paranoid <= 1, or root).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
archive="${1:?usage: bench/profile.sh ARCHIVE [ingest|investigate]}"
command="${2:-ingest}"
command -v perf >/dev/null || { echo "bench/profile.sh: perf is not installed (apt-get install linux-perf)" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/trailsleuth-profile.XXXXXX")"
# removes the work directory and the JVM's perf map (/tmp/perf-PID.map, which the JVM writes at exit)
cleanup() {
  if [[ -f "$work/perf.data" ]]; then
    perf report -i "$work/perf.data" --stdio --sort pid 2>/dev/null | grep -o '[0-9]*:java' | cut -d: -f1 \
      | while read -r pid; do rm -f "/tmp/perf-$pid.map"; done || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
frequency=499

case "$command" in
  ingest) arguments=(ingest "$archive" --store "$work/store" -q) ;;
  investigate) arguments=(investigate "$archive" --out "$work/report.md" -q) ;;
  *) echo "bench/profile.sh: unknown command $command (ingest or investigate)" >&2; exit 2 ;;
esac
"$here/trailsleuth" --version >/dev/null # builds the jar first, outside the profile
# The JVM writes /tmp/perf-PID.map at exit, which perf report reads to name JIT-compiled Java methods.
JAVA_TOOL_OPTIONS="-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit" \
  perf record -q -F "$frequency" -o "$work/perf.data" -- "$here/trailsleuth" "${arguments[@]}" >/dev/null 2>"$work/stderr" \
  || { cat "$work/stderr" >&2; exit 1; }

report() {
  perf report -i "$work/perf.data" --stdio --no-children --percent-limit 0 "$@" 2>/dev/null | { grep -v '^#' || true; } \
    | { grep -v '^$' || true; }
}
count="$(report -n --sort comm | awk '{total += $2} END {print total}')"
seconds="$(awk -v n="$count" -v f="$frequency" 'BEGIN {printf "%.1f", n / f}')"
echo "trailsleuth $command of $archive: $count samples at $frequency Hz, about $seconds CPU-s"
echo
echo "| thread group | share | CPU-s |"
echo "|---|---:|---:|"
report --sort comm | awk -v s="$seconds" '{
    share = $1; gsub("%", "", share); name = $2
    for (i = 3; i <= NF; i++) name = name " " $i
    if (name ~ /^trailsleuth-par/) group = "parser threads (read, inflate, scan, Arrow)"
    else if (name ~ /^trailsleuth-wri/) group = "writer thread (DuckDB: Arrow import, Parquet write of the events)"
    else if (name ~ /^trailsleuth-ver/) group = "digest verification thread"
    else if (name ~ /^trailsleuth-sta/) group = "staging threads (the staging database opened, the lane: derived tables)"
    else if (name ~ /^trailsleuth-wal/) group = "walk thread (the inputs walked ahead)"
    else if (name ~ /^trailsleuth-/) group = "other trailsleuth threads (commit, clean-up)"
    else if (name ~ /^C[12] Compiler/) group = "JIT compiler threads"
    else if (name == "java") group = "main thread (start-up, dedup, derived tables, manifest, analysis)"
    else if (name ~ /^(bash|find|dirname|readlink|stat|cksum|cut)$/) group = "launcher script"
    else group = "JVM service threads (GC, VM, sweeper) and DuckDB threads"
    sum[group] += share
  } END {for (g in sum) printf "| %s | %.1f %% | %.1f |\n", g, sum[g], sum[g] * s / 100}' | sort -t'|' -k3 -rn
echo
echo "| component | share | CPU-s |"
echo "|---|---:|---:|"
report --sort dso | awk -v s="$seconds" '{
    share = $1; gsub("%", "", share); name = $2
    if (name ~ /libduckdb/) group = "DuckDB (native)"
    else if (name ~ /^\[JIT\]/) group = "Java code, JIT-compiled or interpreted (trailsleuth, Arrow, JDK)"
    else if (name ~ /kernel/) group = "kernel (page faults, file reads and writes)"
    else if (name ~ /libjvm/) group = "JVM (JIT compilers, GC, runtime)"
    else if (name ~ /libz/) group = "zlib (gzip inflate)"
    else if (name ~ /libc/) group = "libc (memcpy, malloc)"
    else group = "other"
    sum[group] += share
  } END {for (g in sum) printf "| %s | %.1f %% | %.1f |\n", g, sum[g], sum[g] * s / 100}' | sort -t'|' -k3 -rn
echo
echo "Top symbols:"
report --sort dso,sym | head -25
