#!/usr/bin/env bash
# Style-transfer speed: Easel (SameDiff; VGG16 with random weights = the peer's network, and the default
# SqueezeNet with ImageNet weights) vs ../shared/bench/peers/style.py (PyTorch VGG16), same machine, 2 threads.
# Usage: bench/style.sh [sizes="256 512"]; results in /tmp/easel-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-256 512}"
shared="$(cd .. && pwd)/shared"; out=/tmp/easel-bench; mkdir -p "$out"
export OMP_NUM_THREADS=2 EASEL_NO_PROGRESS=1 EASEL_PRETRAINED="${EASEL_PRETRAINED:-$shared/fixtures/keras}"
content="$shared/images/content/chelsea.jpg"; style="$shared/images/style/starry_night.jpg"
for s in $sizes; do
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$shared/bench/peers/style.py" --size "$s" \
    --content "$content" --style "$style" --lbfgs-steps 1 --adam-iters 10 --out "$out/torch-style-$s.json" > /dev/null 2>&1
  for net in vgg16:random squeezenet:imagenet; do
    ./easel run --config configs/style-transfer.yaml --output "$out/runs" --set style.network="${net%%:*}" \
      --set style.weights="${net##*:}" --set style.size="$s" --set style.iterations=12 --set style.scales=1 \
      --set style.frame_every=0 --set name="style-bench-${net%%:*}-$s" > "$out/easel-style-${net%%:*}-$s.log" 2>&1
  done
done
python3 - "$out" $sizes <<'PY'
import json, sys, glob
out, sizes = sys.argv[1], sys.argv[2:]
for s in sizes:
    t = json.load(open(f"{out}/torch-style-{s}.json"))
    per_eval = t.get("lbfgs_s_per_eval")
    line = [f"{s}px torch vgg16 {per_eval:.2f} s/eval"]
    for net in ("vgg16", "squeezenet"):
        d = sorted(glob.glob(f"{out}/runs/style-bench-{net}-{s}-*"))[-1]
        e = json.load(open(f"{d}/result.json"))
        spi = e["seconds_per_iteration"]
        line.append(f"easel {net} {spi:.2f} s/iter (ratio {spi / per_eval:.2f})")
    print("; ".join(line))
PY
