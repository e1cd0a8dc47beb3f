#!/usr/bin/env bash
# Per-node time of the fused convolution step (bench/ConvStepProfile.java) and DL4J's fit on the same batches.
# Usage: bench/cnn-profile.sh [config=configs/fashion-cnn.yaml] [threads=2] [steps=20] [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
config="${1:-configs/fashion-cnn.yaml}"; threads="${2:-2}"; steps="${3:-20}"; rounds="${4:-5}"
./easel --help > /dev/null   # builds the jars if sources changed
cli=modules/easel-cli/target
uptime
OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS="$threads" java -Xmx3g --add-modules=jdk.incubator.vector \
  -cp "$cli/easel-cli-0.1.0-SNAPSHOT.jar:$cli/lib/*" bench/ConvStepProfile.java "$config" "$threads" "$steps" "$rounds" 2>&1 \
  | grep -v "^WARNING: Using incubator\|^warning: using incubating\|^1 warning\| INFO \|^\s*$\|^[A-Z_ ]*:\s*\"\?[0-9.]*\"\?$\|^HAVE_"
uptime
