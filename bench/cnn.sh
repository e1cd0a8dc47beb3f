#!/usr/bin/env bash
# Fashion-MNIST CNN benchmark: Easel vs the PyTorch peer (../shared/bench/peers/cnn.py), same machine, 2 threads,
# run alternately, Easel first (the VM's speed drifts over minutes; see ../shared/bench/peers/README.md).
# Compares seconds per training sample: Easel's epoch (its training examples, plus a 5k training-accuracy pass and
# the validation pass, so slightly pessimistic) against the peer's training-only epoch (60,000 examples).
# The shipped config (configs/fashion-cnn.yaml) is a smaller network than the peer's; bench/cnn-peer-shape.yaml is
# the peer's own network. Records `uptime` before every run and the peer's cpu_util (2.0 = both cores to itself).
# Usage: bench/cnn.sh [epochs=2] [rounds=2] [config=configs/fashion-cnn.yaml]; results in /tmp/easel-bench/cnn/.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-2}"; rounds="${2:-2}"; config="${3:-configs/fashion-cnn.yaml}"
shared="$(cd .. && pwd)/shared"; out=/tmp/easel-bench/cnn; mkdir -p "$out"
tag="$(basename "$config" .yaml)-$(date +%Y%m%d-%H%M%S)"
export OMP_NUM_THREADS=2 EASEL_NO_PROGRESS=1 EASEL_DATA="$shared/datasets"
./easel --help > /dev/null   # builds once if sources changed, outside the timed runs
for r in $(seq "$rounds"); do
  uptime > "$out/$tag-easel-$r.load"
  EASEL_NO_BUILD=1 /usr/bin/time -v ./easel run --config "$config" --output "$out/runs/$tag-$r" --set training.epochs="$epochs" \
    > "$out/$tag-easel-$r.log" 2> "$out/$tag-easel-$r.time"
  uptime > "$out/$tag-torch-$r.load"
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$shared/bench/peers/cnn.py" \
    --data "$shared/datasets/fashion-mnist" --epochs "$epochs" --threads 2 --out "$out/$tag-torch-$r.json" \
    > /dev/null 2> "$out/$tag-torch-$r.log"
done
python3 - "$out" "$tag" "$rounds" <<'PY'
import json, sys, glob, statistics, re
out, tag, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
load = lambda f: re.search(r"load average: ([\d.]+)", open(f).read()).group(1)
easel, torch = [], []
for r in range(1, rounds + 1):
    log = open(f"{out}/{tag}-easel-{r}.log").read()
    n = int(re.search(r"Data: [^,]+, (\d+) training", log).group(1))
    acc = re.search(r"Test accuracy ([\d.]+)", log).group(1)
    run = glob.glob(f"{out}/runs/{tag}-{r}/*/metrics.jsonl")[0]
    secs = [json.loads(l)["seconds"] for l in open(run)]
    cpu = re.search(r"Percent of CPU this job got: (\d+)%", open(f"{out}/{tag}-easel-{r}.time").read()).group(1)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(f"{out}/{tag}-easel-{r}.time").read()).group(1))
    e = statistics.median(secs) / n
    easel.append(e)
    print(f"round {r} easel: epochs {[round(s, 1) for s in secs]} s for {n} samples -> {e*1e3:.3f} ms/sample; "
          f"test acc {acc}; cpu {int(cpu)/100:.2f}; peak RSS {rss/1024:.0f} MB; load before {load(f'{out}/{tag}-easel-{r}.load')}")
    t = json.load(open(f"{out}/{tag}-torch-{r}.json"))
    p = t["s_per_epoch_median"] / t["train_samples"]
    torch.append(p)
    print(f"round {r} torch: epochs {[h['train_s'] for h in t['history']]} s for {t['train_samples']} samples -> {p*1e3:.3f} ms/sample; "
          f"test acc {t['test_acc']}; cpu_util {t.get('cpu_util')}; load before {load(f'{out}/{tag}-torch-{r}.load')}")
e, p = statistics.median(easel), statistics.median(torch)
print(f"median ms per training sample: easel {e*1e3:.3f}, torch {p*1e3:.3f}; ratio easel/torch {e/p:.2f}")
PY
