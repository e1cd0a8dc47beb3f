#!/usr/bin/env bash
# MNIST MLP benchmark: Easel vs the PyTorch peer (../shared/bench/peers/mlp.py), same machine, 2 threads,
# run alternately (the VM's speed drifts over minutes; see ../shared/bench/peers/README.md).
# Usage: bench/mlp.sh [epochs=10] [rounds=2]; results in /tmp/easel-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-10}"; rounds="${2:-2}"
shared="$(cd .. && pwd)/shared"; out=/tmp/easel-bench; mkdir -p "$out"
export OMP_NUM_THREADS=2 EASEL_NO_PROGRESS=1 EASEL_DATA="$shared/datasets"
for r in $(seq "$rounds"); do
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$shared/bench/peers/mlp.py" \
    --data "$shared/datasets/mnist" --epochs "$epochs" --threads 2 --out "$out/torch-mlp-$r.json" > /dev/null
  /usr/bin/time -v ./easel run --config configs/mnist-mlp.yaml --output "$out/runs" --set training.epochs="$epochs" \
    > "$out/easel-mlp-$r.log" 2> "$out/easel-mlp-$r.time"
done
python3 - "$out" "$rounds" <<'PY'
import json, sys, glob, statistics, re, os
out, rounds = sys.argv[1], int(sys.argv[2])
torch = [json.load(open(f"{out}/torch-mlp-{r}.json")) for r in range(1, rounds + 1)]
runs = sorted(glob.glob(f"{out}/runs/mnist-mlp-*"))[-rounds:]
easel = []
for d in runs:
    eps = [json.loads(l) for l in open(f"{d}/metrics.jsonl")]
    easel.append(statistics.median(e["seconds"] for e in eps[1:]))  # first epoch includes warm-up
rss = [int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(f"{out}/easel-mlp-{r}.time").read()).group(1))
       for r in range(1, rounds + 1)]
t = statistics.median(x["s_per_epoch_median"] for x in torch)
e = statistics.median(easel)
print(f"torch s/epoch (train+val) median {t:.2f}  runs {[round(x['s_per_epoch_median'],2) for x in torch]}")
print(f"easel s/epoch (train+val+train-acc sample) median {e:.2f}  runs {[round(x,2) for x in easel]}")
print(f"ratio easel/torch {e/t:.2f}; easel peak RSS {max(rss)/1024:.0f} MB")
PY
