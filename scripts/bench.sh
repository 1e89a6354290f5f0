#!/usr/bin/env bash
# Scale benchmark: builds the synthetic archive of N reports with
# ../shared/bench/make-archive.py and measures ingest, index size, one-shot
# `ask` and `search` (median of whole-process runs), the same search with rg
# and SQLite FTS5 over the same files, adding and removing one report,
# re-ingesting the unchanged archive, and the archive's gold questions.
#
# Usage: scripts/bench.sh [N] [WORK_DIR]      (defaults: 10000, /tmp/budgetq-bench-N)
# Environment: RUNS (default 10), BIN (a built binary; default: cargo build --release), SHARED (../shared).
# Needs: python3, /usr/bin/time; hyperfine, rg and sqlite3 when present
# (apt-get install -y hyperfine ripgrep sqlite3). The archive is generated
# into WORK_DIR, never into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
WORK=${2:-/tmp/budgetq-bench-$N}
RUNS=${RUNS:-10}
SHARED=${SHARED:-../shared}
mkdir -p "$WORK"
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$PWD/target/release/budgetq
fi
ARCHIVE=$WORK/archive
QUESTIONS=$WORK/questions.jsonl
if [ ! -d "$ARCHIVE" ]; then
  python3 "$SHARED/bench/make-archive.py" "$N" "$ARCHIVE" --questions "$QUESTIONS" >/dev/null
fi
INDEX=$WORK/index
rm -rf "$INDEX"
ASK=$(head -1 "$QUESTIONS" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["question"])')
SEARCH=政府债券利息

# seconds, peak KB and CPU seconds of one command: "wall maxrss cpu"
measure() {
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
  # the last line: a failing command's status line comes first
  tail -1 "$WORK/time.txt" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}'
}

# median wall seconds of RUNS whole-process runs
median() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 1 --runs "$RUNS" --export-json "$WORK/h.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$WORK/h.json"
  else
    for _ in $(seq "$RUNS"); do
      s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
      echo "$e - $s" | bc
    done | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'
  fi
}

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
read -r ING_WALL ING_KB ING_CPU < <(measure "$BIN" --index "$INDEX" ingest --quiet "$ARCHIVE")
TEXT_BYTES=$(du -sb "$ARCHIVE/" | cut -f1)
INDEX_BYTES=$(du -sb "$INDEX" | cut -f1)
ASK_MED=$(median "$BIN" --index "$INDEX" ask "$ASK")
read -r _ ASK_KB ASK_CPU < <(measure "$BIN" --index "$INDEX" ask "$ASK")
SEARCH_MED=$(median "$BIN" --index "$INDEX" search "$SEARCH")
read -r _ SEARCH_KB SEARCH_CPU < <(measure "$BIN" --index "$INDEX" search "$SEARCH")
RG_MED=-
if command -v rg >/dev/null; then RG_MED=$(median rg -c "$SEARCH" "$ARCHIVE"); fi
FTS_BUILD=- FTS_MED=- FTS_BYTES=-
if command -v sqlite3 >/dev/null; then
  rm -f "$WORK/fts.db"
  s=$(date +%s.%N)
  python3 - "$ARCHIVE" "$WORK/fts.db" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute("create virtual table p using fts5(path, text, tokenize='trigram')")
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), encoding="utf-8", errors="replace") as f:
        db.executemany("insert into p values (?, ?)", [(name, t) for t in f.read().split("\n\n") if t.strip()])
db.commit()
PY
  e=$(date +%s.%N)
  FTS_BUILD=$(printf '%.1f' "$(echo "$e - $s" | bc)")
  FTS_BYTES=$(du -sb "$WORK/fts.db" | cut -f1)
  FTS_MED=$(median sqlite3 "$WORK/fts.db" "select path from p where p match '\"$SEARCH\"' limit 10")
fi
ONE=$WORK/one
mkdir -p "$ONE"
sed 's/西工区/新测区/g; s/西工/新测/g' corpora/xigong-2023.txt > "$ONE/bench-one-2023.txt"
# Median of 5 adds and 5 removes of the same report (its id comes from its metadata).
ADDS=() REMOVES=()
for _ in 1 2 3 4 5; do
  ADDS+=("$(measure "$BIN" --index "$INDEX" ingest --quiet "$ONE/bench-one-2023.txt" | cut -d' ' -f1)")
  ONE_ID=$("$BIN" --index "$INDEX" reports --json | python3 -c 'import json,sys; print(next(r["id"] for r in json.load(sys.stdin)["reports"] if r["path"].endswith("bench-one-2023.txt")))')
  REMOVES+=("$(measure "$BIN" --index "$INDEX" remove "$ONE_ID" | cut -d' ' -f1)")
done
mid() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
ADD_WALL=$(mid "${ADDS[@]}")
REMOVE_WALL=$(mid "${REMOVES[@]}")
read -r AGAIN_WALL _ _ < <(measure "$BIN" --index "$INDEX" ingest --quiet "$ARCHIVE")
GOLD=$(python3 "$SHARED/eval/score.py" --bin "$BIN" --index "$INDEX" "$QUESTIONS" 2>&1 | grep '^ALL' | tr -s ' ' | cut -d' ' -f2- || true)

mb() { echo "scale=1; $1 / 1000000" | bc; }
echo
echo "budgetq scale benchmark: $N reports, $(mb "$TEXT_BYTES") MB of text, $(nproc) cores, load $LOAD_BEFORE before ingest, $(cut -d' ' -f1 /proc/loadavg) at the end"
echo
echo "| | wall | CPU | peak memory |"
echo "|---|---|---|---|"
echo "| ingest $N reports | ${ING_WALL} s ($(printf '%.1f' "$(echo "scale=2; $TEXT_BYTES / 1000000 / $ING_WALL" | bc)") MB/s) | ${ING_CPU} s | $((ING_KB / 1024)) MB |"
echo "| index on disk | $(mb "$INDEX_BYTES") MB ($(echo "scale=2; $INDEX_BYTES / $TEXT_BYTES" | bc)× the text) | | |"
echo "| one-shot \`ask\` (median of $RUNS) | ${ASK_MED} s | ${ASK_CPU} s | $((ASK_KB / 1024)) MB |"
echo "| one-shot \`search $SEARCH\` (median of $RUNS) | ${SEARCH_MED} s | ${SEARCH_CPU} s | $((SEARCH_KB / 1024)) MB |"
echo "| \`rg -c $SEARCH\` over the files | ${RG_MED} s | | |"
echo "| SQLite FTS5 trigram: build / query | ${FTS_BUILD} s / ${FTS_MED} s | | $( [ "$FTS_BYTES" = - ] && echo - || echo "$(mb "$FTS_BYTES") MB on disk") |"
echo "| add one report (median of 5) | ${ADD_WALL} s | | |"
echo "| remove one report (median of 5) | ${REMOVE_WALL} s | | |"
echo "| re-ingest the unchanged archive | ${AGAIN_WALL} s | | |"
echo "| archive gold questions | $GOLD | | |"
