#!/usr/bin/env bash
# Out-of-generator check of a financial-image classifier: images the synthetic generator did not draw.
#   financial/:     finance charts drawn by JFreeChart (line, candlestick, bar) and Java2D balance sheets (bench/ood/MakeOod.java)
#   non_financial/: the real photos and paintings in ../shared/images, plus three of Easel's own figures (docs/img)
# Usage: bench/ood.sh MODEL.zip   (e.g. outputs/finetune-squeezenet-<time>/model.zip); prints per-image labels and accuracy.
set -euo pipefail
cd "$(dirname "$0")/.."
model="$1"; shared="$(cd .. && pwd)/shared"; out=/tmp/easel-ood; rm -rf "$out"; mkdir -p "$out/financial" "$out/non_financial"
cp="modules/easel-cli/target/easel-cli-0.1.0-SNAPSHOT.jar:modules/easel-cli/target/lib/*"
(cd "$out" && java -cp "$OLDPWD/modules/easel-cli/target/lib/*" "$OLDPWD/bench/ood/MakeOod.java" "$out")
cp "$shared"/images/content/*.jpg "$shared"/images/style/*.jpg "$out/non_financial/"
cp docs/img/vae-mnist-samples.png docs/img/vae-mnist-manifold.png docs/img/style-chelsea-starry-panel.jpg "$out/non_financial/"
for c in financial non_financial; do
  ./easel predict "$model" "$out/$c" --out "$out/pred-$c.csv" > /dev/null
done
python3 - "$out" <<'PY'
import csv, sys
out = sys.argv[1]; right = total = 0
for c in ("financial", "non_financial"):
    for r in csv.DictReader(open(f"{out}/pred-{c}.csv")):
        total += 1; right += r["class"] == c
        print(f"{c:14s} {r['file'].split('/')[-1]:28s} -> {r['class']} {float(r['probability']):.3f}")
print(f"accuracy {right}/{total} = {right/total:.3f}")
PY
