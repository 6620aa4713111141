#!/usr/bin/env bash
# Tests the launcher's class-data archive (trailsleuth, "Class-data sharing") on the jar `mvn package` built: it is
# recorded once per jar, later runs map it, reports are byte-identical with and without it, an archive the JVM cannot
# use changes nothing on stdout, a new jar gets a new archive, and picocli's classes are archived too. Run by .ci/run after `mvn -B verify`.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "class-data-archive test: FAIL: $*" >&2; exit 1; }
pass() { echo "class-data-archive test: ok: $*" >&2; }

[[ -f "$repo/target/trailsleuth.jar" ]] || fail "no target/trailsleuth.jar: run mvn package first"
# A copy of the jar of its own, beside links to DuckDB's JNI libraries, so target/ is left as it is.
mkdir "$work/jar"
cp "$repo/target/trailsleuth.jar" "$work/jar/"
ln -s "$repo"/target/libduckdb_java.so_* "$work/jar/"
export TRAILSLEUTH_JAR="$work/jar/trailsleuth.jar"
launcher="$repo/trailsleuth"
archives() { find "$work/jar" -name 'trailsleuth.*.jsa' | sort; }

"$launcher" --version >"$work/first.out" 2>"$work/first.err"
grep -q 'recording the class-data archive' "$work/first.err" || fail "the first run did not record an archive"
[[ "$(archives | wc -l)" -eq 1 ]] || fail "expected one archive after the first run, found: $(archives)"
archive="$(archives)"
pass "the first run recorded $archive"

"$launcher" --version >"$work/second.out" 2>"$work/second.err"
grep -q 'recording' "$work/second.err" && fail "the second run recorded the archive again"
JAVA_TOOL_OPTIONS=-XX:+PrintSharedArchiveAndExit "$launcher" --version >"$work/print.out" 2>&1 || true
grep -qF "Dynamic archive name: $archive" "$work/print.out" || fail "the launcher did not pass the archive to the JVM"
grep -q '^archive is valid' "$work/print.out" || fail "the JVM cannot map the recorded archive"
pass "a later run maps the archive"
# picocli is compiled for Java 17 at build time (pom.xml): its Java 5 class files would be left out of the archive
JAVA_TOOL_OPTIONS="-XX:+PrintSharedArchiveAndExit -XX:+PrintSharedDictionary" "$launcher" --version >"$work/dictionary.out" 2>&1 || true
grep -q ': picocli\.CommandLine app_loader$' "$work/dictionary.out" || fail "picocli's classes are not in the archive"
pass "the archive holds picocli's classes"

mkdir "$work/with" "$work/without"
(cd "$work/with" && "$launcher" investigate "$repo/sample-logs" --out report.md --json findings.json --html report.html -q >/dev/null)
(cd "$work/without" && TRAILSLEUTH_CDS=off "$launcher" investigate "$repo/sample-logs" --out report.md --json findings.json \
  --html report.html -q >/dev/null)
for file in report.md findings.json report.html; do
  cmp -s "$work/with/$file" "$work/without/$file" || fail "$file differs with and without the archive"
done
pass "reports are byte-identical with and without the archive"

"$launcher" ingest "$repo/sample-logs" --store "$work/store" -q >/dev/null
query=(query --store "$work/store" --format csv "select count(*) as events from events")
TRAILSLEUTH_CDS=off "$launcher" "${query[@]}" >"$work/expected.csv"
# A jar put back with an older time (cp -p, an unpacked release): the archive is still the newer file, but the JVM
# finds the jar is not the one it recorded and runs without it, which it says in a warning by default on stdout.
touch -d '1 hour ago' "$TRAILSLEUTH_JAR"
"$launcher" "${query[@]}" >"$work/mismatch.csv" 2>"$work/mismatch.err" || fail "a mismatched archive failed the command"
cmp -s "$work/expected.csv" "$work/mismatch.csv" || fail "a mismatched archive changed stdout: $(head -3 "$work/mismatch.csv")"
chmod u+w "$archive"
head -c 4096 /dev/urandom >"$archive"
"$launcher" "${query[@]}" >"$work/damaged.csv" 2>"$work/damaged.err" || fail "a damaged archive failed the command"
cmp -s "$work/expected.csv" "$work/damaged.csv" || fail "a damaged archive changed stdout: $(head -3 "$work/damaged.csv")"
pass "an archive the JVM cannot use leaves stdout as it is"

touch "$TRAILSLEUTH_JAR"
"$launcher" --version >/dev/null 2>"$work/rebuilt.err"
grep -q 'recording the class-data archive' "$work/rebuilt.err" || fail "a newer jar did not get a new archive"
[[ "$(archives | wc -l)" -eq 1 && "$archive" -nt "$TRAILSLEUTH_JAR" ]] || fail "expected one archive newer than the jar"
JAVA_TOOL_OPTIONS=-XX:+PrintSharedArchiveAndExit "$launcher" --version >"$work/print.out" 2>&1 || true
grep -q '^archive is valid' "$work/print.out" || fail "the archive recorded for the newer jar is not valid"
pass "a newer jar gets a new archive"
