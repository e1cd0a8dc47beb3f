#!/usr/bin/env bash
# Builds the real-image evaluation corpus data/real/{financial,non_financial}/ + manifest.tsv from pinned Debian
# packages and the project's own renders, applying the committed labels (docs/real-corpus.md).
#   bench/real-corpus/build.sh [--work DIR] [--out DIR] [--allow-version-drift] [--install-tools]
# Reserved packages (issue 15) are refused before any download; nothing is installed unless --install-tools.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${CORPUS_WORK:-$repo/data/real-work}"; out="$repo/data/real"; drift=(); install=0
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --allow-version-drift) drift=(--allow-version-drift); shift ;;
    --install-tools) install=1; shift ;;
    *) echo "build.sh: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
# Tools that render (not image sources). beancount is both: its version is pinned in sources.tsv.
tools=(poppler-utils imagemagick librsvg2-bin chromium python3-beancount beancount)
need=()
for t in pdftoppm pdfinfo identify montage rsvg-convert chromium bean-example bean-bake apt-get dpkg-deb; do
  command -v "$t" > /dev/null || need+=("$t")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$install" = 1 ]; then
    # Simulate first: refuse if the tools would pull in a package reserved for independent evaluation.
    if apt-get install -s --no-install-recommends "${tools[@]}" | awk '/^Inst/ {print $2}' \
        | grep -E '^(gnucash-docs|skrooge-common|grisbi-common|homebank-data|gnumeric-doc|libreoffice-help-|gimp-help-|opencv-doc|plasma-workspace-wallpapers|gcompris-qt-data|python3-skimage|mate-backgrounds|gnome-backgrounds)'; then
      echo "build.sh: installing the tools would pull in a reserved package (listed above); stopping" >&2; exit 2
    fi
    apt-get install -y --no-install-recommends "${tools[@]}"
  else
    echo "build.sh: missing tools: ${need[*]}" >&2
    echo "  install them with: apt-get install --no-install-recommends ${tools[*]}  (or pass --install-tools)" >&2
    exit 2
  fi
fi
start=$(date +%s)
python3 "$here/corpus.py" stage --sources "$here/sources.tsv" --work "$work" "${drift[@]}"
python3 "$here/corpus.py" assemble --labels "$here/labels.tsv" --work "$work" --out "$out"
python3 "$here/corpus.py" check "$out/manifest.tsv"
echo "build.sh: corpus in $out ($(du -sh "$out" | cut -f1)), work files in $work ($(du -sh "$work" | cut -f1)), $(( $(date +%s) - start )) s"
