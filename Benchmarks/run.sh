#!/usr/bin/env bash
# The whole-program benchmark: release build, the fixed 20 MB corpus (make_bench_corpus.py, seed 20210812),
# then `sitrep extract` on one core and on all cores, start-up time, and `sitrep ingest` into a fresh store.
#   Benchmarks/run.sh               the table
#   Benchmarks/run.sh --baseline    also the spaCy baseline of the brief on a 200-article slice, and the ratio
#   BENCH_MB=5 Benchmarks/run.sh    a smaller corpus
#   BENCH_MB=3040 Benchmarks/run.sh --ingest-only
#                                   the ingest alone (3040 MB: a million articles, seven to ten minutes)
# Figures are wall-clock on a shared machine: run twice and read the second.
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=false ingest_only=false
for arg in "$@"; do
  case "$arg" in
    --baseline) baseline=true ;;
    --ingest-only) ingest_only=true ;;
    *) echo "usage: Benchmarks/run.sh [--baseline] [--ingest-only]" >&2; exit 2 ;;
  esac
done
mb=${BENCH_MB:-20}
work=${BENCH_DIR:-.build/bench}
mkdir -p "$work"
swift build -c release --product sitrep >/dev/null
bin=.build/release/sitrep
corpus="$work/bench-$mb.jsonl"
[ -f "$corpus" ] || python3 Benchmarks/make_bench_corpus.py --mb "$mb" --seed 20210812 \
    --seed-file Samples/afghanistan-2021-08-12.txt --out "$corpus" 2>/dev/null
bytes=$(stat -c %s "$corpus")
articles=$(wc -l < "$corpus")
cores=$(nproc)

measure() {  # measure NAME CMD... → seconds and peak KB on fd 3
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  read -r secs kb < "$work/time"
  echo "$secs $kb"
}
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }
row() { printf "%-38s %8s s %9s MB/s %9s art/s %8s MB\n" "$1" "$2" "$(calc "$bytes/1000000/$2")" \
        "$(calc "$articles/$2" 0)" "$(( $3 / 1024 ))"; }

echo "corpus: $corpus ($articles articles, $(calc "$bytes/1000000") MB), $cores cores"
if ! $ingest_only; then
read -r s kb < <(measure $bin places Herat)
printf "%-38s %8s s %33s %8s MB\n" "start-up (gazetteer, one look-up)" "$s" "" "$(( kb / 1024 ))"
read -r s1 kb < <(measure taskset -c 0 $bin extract "$corpus" --jobs 1); row "extract, 1 core (pinned)" "$s1" "$kb"
read -r sw kb < <(measure $bin extract "$corpus" --jobs 1); row "extract, 1 worker (reader beside it)" "$sw" "$kb"
read -r sn kb < <(measure $bin extract "$corpus" --jobs "$cores"); row "extract, $cores cores" "$sn" "$kb"
echo "  speed-up on $cores cores: $(calc "$s1/$sn" 2)x"
fi
rm -f "$work/bench.sqlite"*
read -r si kb < <(measure $bin ingest "$corpus" --db "$work/bench.sqlite"); row "ingest into a fresh store" "$si" "$kb"
if $baseline; then
  venv=${BASELINE_VENV:-$HOME/.cache/sitrep-baseline-venv}
  anchors=${ANCHORS:-../shared/anchors}
  head -200 "$corpus" > "$work/slice.jsonl"
  sbytes=$(stat -c %s "$work/slice.jsonl")
  read -r sb kb < <(measure "$venv/bin/python" "$anchors/spacy_baseline.py" "$work/slice.jsonl" --quiet)
  read -r ss kb2 < <(measure $bin extract "$work/slice.jsonl" --jobs 1)
  printf "spaCy baseline, 200 articles: %s s (%s MB/s, %s MB peak); Sitrep on the same slice: %s s, start-up included\n" \
    "$sb" "$(calc "$sbytes/1000000/$sb" 3)" "$(( kb / 1024 ))" "$ss"
  printf "throughput, one core: Sitrep %s MB/s / baseline %s MB/s = %sx\n" "$(calc "$bytes/1000000/$s1")" \
    "$(calc "$sbytes/1000000/$sb" 3)" "$(calc "($bytes/$s1)/($sbytes/$sb)" 0)"
fi
