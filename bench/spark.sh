#!/usr/bin/env bash
# Spark predict throughput (docs/benchmarks.md, "Spark"): single-machine `easel predict` vs `--spark --master local[1]`
# vs `local[2]` on the same 2,000 distinct synthetic images (easel-synth, 96 px), with a SqueezeNet transfer model
# (ImageNet weights from ../shared/fixtures/keras, frozen up to fire9 at 96 px, avgmax pooling; head trained here once).
# Usage: bench/spark.sh [rounds=3]; results in /tmp/easel-bench/spark/results.tsv. Runs alternate so background load
# hits every variant alike; `uptime` is recorded before each run.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
shared="$(cd .. && pwd)/shared"; out=/tmp/easel-bench/spark; mkdir -p "$out"
./easel --version > /dev/null  # builds if needed; then no rebuild checks inside the timed runs
export EASEL_NO_BUILD=1 EASEL_NO_PROGRESS=1 EASEL_PRETRAINED="${EASEL_PRETRAINED:-$shared/fixtures/keras}"

# 1. data (1,100 + 1,100 images, 100 + 100 held out: 2,000 training images) and the model, once
if ! ls "$out"/runs/spark-bench-*/model.zip > /dev/null 2>&1; then
  ./easel run --config configs/finetune-squeezenet.yaml --output "$out/runs" --set name=spark-bench \
    --set transfer.synthetic.financial_count=1100 --set transfer.synthetic.non_financial_count=1100 \
    --set transfer.synthetic.test_per_class=100 --set transfer.synthetic.size=96 --set transfer.synthetic.dir="$out/synth" \
    --set transfer.input_size=96 --set transfer.cache_dir="$out/cache" --set training.epochs=10 > "$out/train.log" 2>&1
fi
model="$(ls -d "$out"/runs/spark-bench-*/model.zip | tail -1)"
images="$(find "$out/synth" -type d -name train | head -1)"
n="$(find "$images" -type f | wc -l)"
echo "model $model; $n images under $images"

# 2. alternate the three variants
printf 'round\tvariant\tseconds_wall\tseconds_job\ttask_predict_s\timages\timages_per_s_wall\timages_per_s_job\tload_1min\n' > "$out/results.tsv"
for r in $(seq 1 "$rounds"); do
  for v in single local1 local2 local2-omp1; do
    load="$(uptime | sed 's/.*load average: //' | cut -d, -f1)"
    rm -rf "$out/pred-$v"
    t0=$(date +%s.%N)
    case "$v" in
      single) ./easel predict "$model" "$images" --out "$out/pred-single.csv" > "$out/$v.log" 2>&1 ;;
      local1) ./easel predict "$model" "$images" --spark --master 'local[1]' --out "$out/pred-$v" > "$out/$v.log" 2>&1 ;;
      local2) ./easel predict "$model" "$images" --spark --master 'local[2]' --out "$out/pred-$v" > "$out/$v.log" 2>&1 ;;
      # two tasks x one OpenMP thread each, instead of two tasks x two threads on two cores
      local2-omp1) OMP_NUM_THREADS=1 ./easel predict "$model" "$images" --spark --master 'local[2]' --out "$out/pred-$v" > "$out/$v.log" 2>&1 ;;
    esac
    t1=$(date +%s.%N)
    python3 - "$r" "$v" "$t0" "$t1" "$out/pred-$v/summary.json" "$n" "$load" >> "$out/results.tsv" <<'PY'
import json, os, sys
r, v, t0, t1, summary, n, load = sys.argv[1:]
wall = float(t1) - float(t0)
job = task = rate = "-"
if os.path.exists(summary):
    s = json.load(open(summary))
    job, task, rate = f"{s['seconds']:.1f}", f"{s['task_predict_seconds']:.1f}", f"{int(n) / s['seconds']:.1f}"
print(f"{r}\t{v}\t{wall:.1f}\t{job}\t{task}\t{n}\t{int(n) / wall:.1f}\t{rate}\t{load}")
PY
    tail -1 "$out/results.tsv"
  done
done
column -t "$out/results.tsv"
