#!/usr/bin/env bash
# Keras import parity: run the independent NumPy reference, then Easel's importer, on every model in a folder.
#   bench/keras-parity/run.sh /path/to/keras-files     (the files are yours; none are committed)
# Writes <model>.reference.h5 next to each model and prints one line per file (imported/refused, max |DL4J - reference|).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="$(cd "${1:?usage: run.sh DIR}" && pwd)"
/usr/bin/python3 "$here/reference.py" "$dir"
(cd "$root" && mvn -q -B -ntp -DskipTests -pl modules/easel-keras -am install >&2 \
  && mvn -q -B -ntp -pl modules/easel-keras dependency:build-classpath -Dmdep.outputFile=/tmp/easel-keras-parity.cp >&2)
cp="$(cat /tmp/easel-keras-parity.cp):$root/modules/easel-keras/target/classes"
OMP_WAIT_POLICY=PASSIVE java -Xmx3g -cp "$cp" "$here/ParityRunner.java" "$dir" 2>/dev/null | grep -P '\t(imported|refused)\t'
