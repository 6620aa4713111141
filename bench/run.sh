#!/usr/bin/env bash
# Benchmark: generates a CloudTrail archive with the project's generator, then times, in one run on one
# machine, the decompression floor (zcat), trailsleuth ingest / investigate / analyze, and what users do
# today (DuckDB read_json, zcat | jq), with peak RSS of each. Prints one table; see bench/README.md.
#
#   bench/run.sh [--profile large|small] [--events N] [--days D] [--check] [--scaling] [--spark] [--keep]
#
#   --profile P  large (default): 5,000,000 events over 7 days, about 1,700 events per log file;
#                small: 1,000,000 events over 7 days, about 370 events per file, gzip ratio about 14:1,
#                as quiet accounts produce (per-file costs weigh more)
#   --events N   archive size in records (overrides the profile's)
#   --days D     days the archive covers (default 7)
#   --check      quick regression gate: exit 1 when ingest is slower than 3x the parallel zcat floor
#                (only parallel zcat and ingest are run, three times each, compared by their medians)
#   --scaling    also run ingest, investigate and parallel zcat at 0.5M, 2M and 5M events
#   --spark      also run spark-ingest in local mode with 1 and 2 executor cores (wall, CPU, ratio to ingest)
#                and print the per-core rate and the cluster it implies for 1e9 and 1e10 events
#
# Work files go to $BENCH_WORK (default ${TMPDIR:-/tmp}/trailsleuth-bench), never into the repository;
# generated archives are kept there, one per (events, days), so a second run skips generating.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events=
days=7
profile=large
check=false
scaling=false
spark=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --events) events="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --check) check=true; shift ;;
    --scaling) scaling=true; shift ;;
    --spark) spark=true; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$profile" in
  large) events="${events:-5000000}" ;;
  small) events="${events:-1000000}" ;;
  *) echo "bench/run.sh: unknown profile $profile (large or small)" >&2; exit 2 ;;
esac

work="${BENCH_WORK:-${TMPDIR:-/tmp}/trailsleuth-bench}"
mkdir -p "$work"
cores="$(nproc)"
launcher="$here/trailsleuth"
jar="$here/target/trailsleuth.jar"

need() {
  if ! command -v "$1" >/dev/null 2>&1 && [[ ! -x "$2" ]]; then
    echo "bench: installing $3 (apt-get)" >&2
    if [[ $(id -u) -eq 0 ]]; then apt-get update -qq >&2 && apt-get install -y -qq "$3" >&2
    else sudo apt-get update -qq >&2 && sudo apt-get install -y -qq "$3" >&2; fi
  fi
}
need time /usr/bin/time time
need jq /usr/bin/jq jq

# the launcher rebuilds the jar and DuckDB's JNI libraries beside it when either is missing or stale
"$launcher" --version >/dev/null
# Pin a copy of the jar, with the JNI libraries it loads from its own directory (see pom.xml): a rebuild in the
# checkout must not land in the middle of a run. One directory per run, so two runs sharing $work do not overwrite
# each other's files.
pin="$work/pin.$$"
mkdir -p "$pin"
trap 'rm -rf "$pin"' EXIT
cp "$jar" "$here"/target/libduckdb_java.so_* "$pin/"
jar="$pin/trailsleuth.jar"
export TRAILSLEUTH_JAR="$jar"
# records the pinned jar's class-data archive (see the launcher) now, so no recording lands inside a timed step
"$launcher" --version >/dev/null
if [[ "$spark" == true ]]; then
  # builds target/trailsleuth-spark.jar and resolves Spark now, so no build lands inside a timed step
  "$launcher" spark-ingest --help >/dev/null 2>&1 || true
  cp "$here/target/trailsleuth-spark.jar" "$pin/"
  export TRAILSLEUTH_SPARK_JAR="$pin/trailsleuth-spark.jar"
fi

# generate N: prints the archive directory, generating it once per (events, days).
generate() {
  local n="$1" dir="$work/archive-$1-$days"
  if [[ ! -f "$dir/.complete" ]]; then
    rm -rf "$dir"
    echo "bench: generating $n events over $days days into $dir" >&2
    "$launcher" generate --scenario recreated-role --seed 1 --events "$n" --days "$days" --out "$dir" >&2
    touch "$dir/.complete"
  fi
  echo "$dir"
}

# measure NAME CMD...: runs CMD under /usr/bin/time -v; records wall seconds and peak RSS (KiB).
# For pipelines and xargs, peak RSS is that of the largest single process, as getrusage reports it.
declare -A wall rss cpu
measure() {
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  if ! /usr/bin/time -v -o "$run/$name.time" "$@" >"$run/$name.out" 2>"$run/$name.err"; then
    echo "bench: step '$name' failed:" >&2
    tail -20 "$run/$name.err" >&2
    cat "$run/$name.time" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  wall[$name]=$(echo "$end - $start" | bc -l)
  rss[$name]=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$run/$name.time")
  cpu[$name]=$(awk -F': ' '/User time \(seconds\)/ {u = $2} /System time \(seconds\)/ {s = $2} END {print u + s}' "$run/$name.time")
  printf 'bench: %-22s %8.2f s  %7.0f MiB\n' "$name" "${wall[$name]}" "$(echo "${rss[$name]} / 1024" | bc -l)" >&2
}

# median_of NAME RUN1 RUN2 RUN3: records as NAME the run with the median wall time of three (its RSS and CPU with it).
median_of() {
  local name="$1"; shift
  local middle
  middle=$(for r in "$@"; do echo "${wall[$r]} $r"; done | sort -n | sed -n 2p | cut -d' ' -f2)
  wall[$name]=${wall[$middle]}
  rss[$name]=${rss[$middle]}
  cpu[$name]=${cpu[$middle]}
}

# bench_archive DIR MODE: times every step over one archive. MODE is full, check or scaling.
bench_archive() {
  local archive="$1" mode="$2"
  run="$(mktemp -d "$work/run.XXXXXX")"
  find "$archive" -name '*.json.gz' -print0 | sort -z >"$run/files"
  find "$archive/AWSLogs" -path '*/CloudTrail/*' -name '*.json.gz' -print0 | sort -z >"$run/logs"
  gz_bytes=$(xargs -0 cat <"$run/files" | wc -c)
  json_bytes=$(xargs -0 gzip -l <"$run/files" | awk '$1 ~ /^[0-9]+$/ && $4 != "(totals)" {s += $2} END {printf "%.0f\n", s}')
  file_count=$(tr -cd '\0' <"$run/files" | wc -c)
  log_count=$(tr -cd '\0' <"$run/logs" | wc -c)
  # Warm the page cache so every step reads from memory alike.
  xargs -0 cat <"$run/files" >/dev/null

  if [[ "$mode" == check ]]; then
    # A gate must not flip on one noisy run: the floor and the ingest are timed three times each, interleaved, and
    # compared by their medians.
    local i
    for i in 1 2 3; do
      measure "zcat_p_$i" bash -c "xargs -0 -n 16 -P $cores zcat <'$run/files' >/dev/null"
      measure "ingest_$i" "$launcher" ingest "$archive" --store "$run/store-$i" -q
    done
    median_of zcat_p zcat_p_1 zcat_p_2 zcat_p_3
    median_of ingest ingest_1 ingest_2 ingest_3
    return
  fi
  measure zcat_1 bash -c "xargs -0 zcat <'$run/files' >/dev/null"
  measure zcat_p bash -c "xargs -0 -n 16 -P $cores zcat <'$run/files' >/dev/null"
  measure ingest "$launcher" ingest "$archive" --store "$run/store" -q
  if [[ "$spark" == true ]]; then
    measure spark_1 "$launcher" spark-ingest "$archive" --store "$run/spark-store-1" --master 'local[1]' -q
    measure spark_2 "$launcher" spark-ingest "$archive" --store "$run/spark-store-2" --master 'local[2]' -q
    spark_stored=$("$launcher" query --store "$run/spark-store-2" --format csv "select count(*) from events" | tail -1)
  fi
  measure investigate "$launcher" investigate "$archive" --out "$run/investigate.md" --json "$run/investigate.json" -q
  if [[ "$mode" == scaling ]]; then return; fi
  measure analyze "$launcher" analyze --store "$run/store" --out "$run/analyze.md" --json "$run/analyze.json"
  local duck=(java -Xmx1g -cp "$jar" "$here/bench/DuckDbBaseline.java")
  measure duckdb_select "${duck[@]}" select "$archive/AWSLogs/*/*/CloudTrail/**/*.json.gz"
  measure duckdb_copy "${duck[@]}" copy "$archive/AWSLogs/*/*/CloudTrail/**/*.json.gz" "$run/duckdb.parquet"
  measure jq_p bash -c "xargs -0 -n 16 -P $cores sh -c 'zcat \"\$@\" | jq -r -f \"$here/bench/relevant.jq\"' jq <'$run/logs' | wc -l"
  store_bytes=$(du -sb "$run/store" | cut -f1)
  duck_bytes=$(stat -c %s "$run/duckdb.parquet")
  stored=$("$launcher" query --store "$run/store" --format csv "select count(*) from events" | tail -1)
  relevant_duck=$(grep -o '[0-9]*' "$run/duckdb_select.out" | head -1)
  relevant_jq=$(tail -1 "$run/jq_p.out")
}

ratio() { echo "scale=2; $1 / $2" | bc -l | sed 's/^\./0./'; }
mb() { echo "scale=0; $1 / 1000000" | bc -l; }

print_table() {
  local floor="${wall[zcat_p]}" duck="${wall[duckdb_copy]:-}" jqt="${wall[jq_p]:-}"
  echo
  echo "Archive ($profile profile): $events events, $file_count files ($log_count logs, $((events / log_count)) events per log)," \
    "$(mb "$gz_bytes") MB gzip, $(mb "$json_bytes") MB JSON (gzip ratio $(ratio "$json_bytes" "$gz_bytes")); $cores cores"
  echo
  printf '| %-40s | %8s | %10s | %9s | %9s | %9s | %8s | %8s | %8s |\n' step "wall s" "events/s" "MB/s gz" "MB/s json" "peak RSS" "x zcat-P" "x duckdb" "x jq-P"
  printf '|%s|%s:|%s:|%s:|%s:|%s:|%s:|%s:|%s:|\n' "$(printf -- '-%.0s' {1..42})" "---------" "-----------" "----------" "----------" "----------" "---------" "---------" "---------"
  local name label
  for name in zcat_1 zcat_p ingest spark_1 spark_2 investigate analyze duckdb_select duckdb_copy jq_p; do
    [[ -n "${wall[$name]:-}" ]] || continue
    case "$name" in
      zcat_1) label="zcat, 1 process" ;;
      zcat_p) label="zcat, $cores processes (floor)" ;;
      ingest) label="trailsleuth ingest" ;;
      spark_1) label="trailsleuth spark-ingest, local[1]" ;;
      spark_2) label="trailsleuth spark-ingest, local[2]" ;;
      investigate) label="trailsleuth investigate (raw -> report)" ;;
      analyze) label="trailsleuth analyze (existing store)" ;;
      duckdb_select) label="DuckDB read_json, relevant events" ;;
      duckdb_copy) label="DuckDB read_json -> Parquet (COPY)" ;;
      jq_p) label="zcat \\| jq, $cores in parallel" ;;
    esac
    local t="${wall[$name]}"
    printf '| %-40s | %8.2f | %10.0f | %9.1f | %9.1f | %5.0f MiB | %8s | %8s | %8s |\n' "$label" "$t" \
      "$(echo "$events / $t" | bc -l)" "$(echo "$gz_bytes / $t / 1000000" | bc -l)" \
      "$(echo "$json_bytes / $t / 1000000" | bc -l)" "$(echo "${rss[$name]} / 1024" | bc -l)" \
      "$(ratio "$t" "$floor")" "$([[ -n "$duck" ]] && ratio "$t" "$duck" || echo -)" "$([[ -n "$jqt" ]] && ratio "$t" "$jqt" || echo -)"
  done
  if [[ -n "${store_bytes:-}" ]]; then
    echo
    echo "Store: $stored events, $(mb "$store_bytes") MB on disk ($(ratio "$store_bytes" "$gz_bytes") x the gzip archive);" \
      "DuckDB's Parquet: $(mb "$duck_bytes") MB. Relevant events: DuckDB $relevant_duck, jq $relevant_jq."
  fi
  echo "Peak RSS of pipelines and xargs is that of their largest single process. analyze's MB/s and events/s refer"
  echo "to the archive the store was built from."
  if [[ -n "${wall[spark_2]:-}" ]]; then
    print_spark_table
  fi
}

# Spark against ingest: wall, CPU, the per-core rate (events per CPU-second of the whole JVM) and what it implies.
print_spark_table() {
  echo
  echo "Spark local mode (the Spark store holds $spark_stored events):"
  echo
  echo "| step | wall s | CPU s | x ingest wall | x ingest CPU | events per CPU-s | events/s per core |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  local name cores_used
  for name in ingest spark_1 spark_2; do
    case "$name" in ingest) cores_used=$cores ;; spark_1) cores_used=1 ;; spark_2) cores_used=2 ;; esac
    printf '| %s | %.1f | %.1f | %s | %s | %.0f | %.0f |\n' "$name" "${wall[$name]}" "${cpu[$name]}" \
      "$(ratio "${wall[$name]}" "${wall[ingest]}")" "$(ratio "${cpu[$name]}" "${cpu[ingest]}")" \
      "$(echo "$events / ${cpu[$name]}" | bc -l)" "$(echo "$events / ${wall[$name]} / $cores_used" | bc -l)"
  done
  # The rate per CPU-second, not per wall second: on a shared machine a job gets less than its cores, and CPU time
  # counts only the time it ran. It includes the driver's own work and Spark's start-up, so it is a floor.
  local rate
  rate=$(echo "$events / ${cpu[spark_2]}" | bc -l)
  echo
  printf 'Per-core rate at local[2]: %.0f events per CPU-second. Executor cores to ingest in one hour: 1e9 events: %.0f; 1e10 events: %.0f\n' \
    "$rate" "$(echo "1000000000 / ($rate * 3600)" | bc -l)" "$(echo "10000000000 / ($rate * 3600)" | bc -l)"
}

if [[ "$check" == true ]]; then
  archive="$(generate "$events")"
  bench_archive "$archive" check
  print_table
  limit=$(echo "3 * ${wall[zcat_p]}" | bc -l)
  rm -rf "$run"
  if (( $(echo "${wall[ingest]} > $limit" | bc -l) )); then
    printf 'bench: FAIL: ingest took %.2f s, more than 3x the parallel zcat floor (%.2f s)\n' "${wall[ingest]}" "$limit" >&2
    exit 1
  fi
  printf 'bench: ok: ingest %.2f s is within 3x the parallel zcat floor (%.2f s)\n' "${wall[ingest]}" "$limit" >&2
  exit 0
fi

archive="$(generate "$events")"
bench_archive "$archive" full
print_table
rm -rf "$run"

if [[ "$scaling" == true ]]; then
  echo
  echo "Scaling ($days days each):"
  echo
  echo "| events | gzip MB | zcat-P s | ingest s | ingest RSS | ingest x zcat-P | investigate s | investigate RSS |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  for n in 500000 2000000 5000000; do
    unset wall rss; declare -A wall rss
    archive="$(generate "$n")"
    bench_archive "$archive" scaling
    printf '| %s | %s | %.2f | %.2f | %.0f MiB | %s | %.2f | %.0f MiB |\n' "$n" "$(mb "$gz_bytes")" "${wall[zcat_p]}" \
      "${wall[ingest]}" "$(echo "${rss[ingest]} / 1024" | bc -l)" "$(ratio "${wall[ingest]}" "${wall[zcat_p]}")" \
      "${wall[investigate]}" "$(echo "${rss[investigate]} / 1024" | bc -l)"
    rm -rf "$run"
  done
fi

echo "bench: generated archives are cached in $work ($(du -sh "$work" | cut -f1)); delete it to reclaim the space" >&2
