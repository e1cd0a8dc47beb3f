#!/usr/bin/env bash
# VGG16 at 224x224: featurizing (frozen conv base, batch 8) and a training step (conv base + head, forward,
# backward, update) — Easel (SameDiff + oneDNN libnd4j; org.easel.transfer.bench.BackboneBenchmark) vs
# ../shared/bench/peers/vgg16.py (PyTorch), same machine, 2 threads, run alternately. Random weights.
# Usage: bench/vgg16.sh [iters=3] [rounds=2]; results in /tmp/easel-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
iters="${1:-3}"; rounds="${2:-2}"
shared="$(cd .. && pwd)/shared"; out=/tmp/easel-bench; mkdir -p "$out"
export OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE
[ -f modules/easel-cli/target/easel-cli-0.1.0-SNAPSHOT.jar ] || mvn -q -B -DskipTests -pl modules/easel-cli -am install
cp="modules/easel-cli/target/easel-cli-0.1.0-SNAPSHOT.jar:modules/easel-cli/target/lib/*"
for r in $(seq "$rounds"); do
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$shared/bench/peers/vgg16.py" --models vgg16 \
    --feat-batch 8 --iters "$iters" --out "$out/torch-vgg16-$r.json" > /dev/null 2> "$out/torch-vgg16-$r.log"
  java -Xmx6g -Dorg.bytedeco.javacpp.maxbytes=8g -Dorg.bytedeco.javacpp.maxphysicalbytes=16g -cp "$cp" \
    org.easel.transfer.bench.BackboneBenchmark vgg16 224 8 "$iters" 2> "$out/easel-vgg16-$r.log" > "$out/easel-vgg16-$r.out"
  grep '^{' "$out/easel-vgg16-$r.out" > "$out/easel-vgg16-$r.json"  # SameDiff prints lines of its own on stdout
done
python3 - "$out" "$rounds" <<'PY'
import json, sys, statistics
out, rounds = sys.argv[1], int(sys.argv[2])
t = [json.load(open(f"{out}/torch-vgg16-{r}.json")) for r in range(1, rounds + 1)]
e = [json.load(open(f"{out}/easel-vgg16-{r}.json")) for r in range(1, rounds + 1)]
print("torch vgg16 json keys:", sorted(t[0].keys()))
print(json.dumps(t[0])[:3000])
ef = statistics.median(x["featurize_images_per_s"] for x in e)
et = statistics.median(x["train_images_per_s"] for x in e)
print(f"easel featurize 224 b8: {ef:.2f} images/s (runs {[round(x['featurize_images_per_s'],2) for x in e]})")
print(f"easel train step 224 b8 (conv base + head): {et:.3f} images/s (runs {[round(x['train_images_per_s'],3) for x in e]})")
PY
