#!/usr/bin/env bash
# Where `sitrep extract` spends its instructions, stage by stage, counted by callgrind (repeatable where wall
# time drifts): the first 660 articles of the fixed corpus, instructions per input byte and share of the
# articles' work. Needs valgrind (apt-get install valgrind); takes about a minute.
#   Benchmarks/stages.sh              the first 660 articles
#   BENCH_ARTICLES=200 Benchmarks/stages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "error: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
n=${BENCH_ARTICLES:-660}
work=${BENCH_DIR:-.build/bench}
mkdir -p "$work/callgrind"
swift build -c release --product sitrep > "$work/callgrind/build.log" 2>&1 || { cat "$work/callgrind/build.log" >&2; exit 1; }
corpus="$work/bench-20.jsonl"
[ -f "$corpus" ] || python3 Benchmarks/make_bench_corpus.py --mb 20 --seed 20210812 \
    --seed-file Samples/afghanistan-2021-08-12.txt --out "$corpus" 2>/dev/null
head -"$n" "$corpus" > "$work/callgrind/slice.jsonl"
# valgrind cannot read the binary's debug information: a copy without it keeps the symbols, and its data
# bundles beside it
rm -rf "$work/callgrind/bin" && mkdir "$work/callgrind/bin"
strip --strip-debug -o "$work/callgrind/bin/sitrep" .build/release/sitrep
for r in .build/release/*.resources; do ln -s "$PWD/$r" "$work/callgrind/bin/"; done
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind/extract.out" \
    "$work/callgrind/bin/sitrep" extract --jobs 1 "$work/callgrind/slice.jsonl" > /dev/null 2> "$work/callgrind/log"
callgrind_annotate --inclusive=yes --threshold=100 "$work/callgrind/extract.out" | swift demangle --simplified \
    > "$work/callgrind/inclusive.txt"
python3 - "$work/callgrind/inclusive.txt" "$(stat -c %s "$work/callgrind/slice.jsonl")" "$n" <<'EOF'
import re, sys
costs = {}
for line in open(sys.argv[1]):
    m = re.match(r"\s*([\d,]+) \(.*?\)\s+(?:\?\?\?:)?(.*?) \[", line)
    if m:
        name = re.sub(r"^specialized ", "", m.group(2))
        costs.setdefault(name, int(m.group(1).replace(",", "")))
total = next(int(l.split()[0].replace(",", "")) for l in open(sys.argv[1]) if "PROGRAM TOTALS" in l)
def c(prefix):
    return next((v for k, v in costs.items() if k.startswith(prefix)), 0)
nbytes, articles = int(sys.argv[2]), int(sys.argv[3])
extract, loop = c("EventExtractor.extract(_:)"), c("closure #1 in closure #1 in ExtractCommand.run()")
read, story = c("DocumentReader.read(_:_:)"), c("StoryStream.assign(_:)")
parts = [
    ("reading JSON Lines", read - story), ("copies of stories (shingles)", story),
    ("text: tokens, sentences, quotations", c("AnalyzedText.init(_:)")),
    ("places", c("PlaceRecognizer.recognize(_:)")), ("actors", c("ActorRecognizer.recognize(")),
    ("dates", c("DateResolver.resolve(")), ("speakers", c("Attribution.attribute(")),
    ("token index of the recognized names", c("DocumentAnalysis.init(")),
    ("event building (slots, modality, ids)", c("EventExtractor.build(")),
]
parts.append(("trigger search, one mention per event", extract - sum(v for k, v in parts[2:])))
parts += [("JSON output", c("EventMention.writeJSON(")), ("output loop", loop - extract - c("EventMention.writeJSON("))]
work = sum(v for _, v in parts)
print(f"{articles} articles, {nbytes:,} bytes; {total / 1e9:.3f} G instructions, "
      f"start-up {c('EventExtractor.init()') / 1e9:.3f} G, the articles {work / 1e9:.3f} G\n")
print(f"| stage | instructions | per input byte | share of the articles' work |")
print(f"| --- | ---: | ---: | ---: |")
for name, v in parts:
    print(f"| {name} | {v / 1e6:,.1f} M | {v / nbytes:,.0f} | {100 * v / work:.1f} % |")
print(f"| all | {work / 1e6:,.1f} M | {work / nbytes:,.0f} | 100 % |")
EOF
