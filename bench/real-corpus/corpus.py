#!/usr/bin/env python3
"""Real-image corpus for financial / non-financial evaluation: stage, label, assemble, check.

Standard library only (CI's python3 has no numpy). External tools are called by name: apt-get, apt-cache,
dpkg-deb, pdftoppm, soffice, chromium, convert, rsvg-convert, montage. See docs/real-corpus.md.

  corpus.py stage    --sources sources.tsv --work WORK [--allow-version-drift]
  corpus.py assemble --labels labels.tsv --work WORK --out data/real
  corpus.py check    data/real/manifest.tsv
  corpus.py sheets   --work WORK --source ID --out DIR      (contact sheets for labelling; run by a person)
  corpus.py mark     SHEET_INDEX.tsv --labels labels.tsv --label financial --kind KIND 1-5,9 ...
"""
import argparse
import csv
import fnmatch
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Reserved for independent evaluation (issue 15): never downloaded, extracted, trained, tuned or checked on.
RESERVED = {
    "gnucash-docs", "skrooge-common", "grisbi-common", "homebank-data", "gnumeric-doc",
    "libreoffice-help-common", "opencv-doc", "plasma-workspace-wallpapers", "gcompris-qt-data",
    "python3-skimage", "mate-backgrounds", "gnome-backgrounds",
}
RESERVED_PREFIXES = ("libreoffice-help-", "gimp-help-")

LABELS = ("financial", "non_financial")
KINDS = (
    "finance-app screen", "ordinary-app screen", "help page", "document render", "spreadsheet render",
    "chart", "formula", "photo", "wallpaper", "painting/art",
)
MANIFEST_COLUMNS = ("file", "label", "kind", "source", "package", "version", "original_path", "licence",
                    "sha256", "derived")
STAGED_COLUMNS = ("source", "package", "version", "pinned", "licence", "original_path", "staged", "derived")
JAVA_READABLE = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"}
RUN_RECIPES = ("beancount", "screens", "rscript")   # recipes that run installed programs (pinned versions)
MIN_SIDE = 100   # smaller images (icons) are not staged
CONVERTIBLE = {".svg", ".svgz", ".webp", ".xpm"}


class CorpusError(Exception):
    """A problem the user can fix; printed as one message without a traceback."""


def is_reserved(package):
    return package in RESERVED or package.startswith(RESERVED_PREFIXES)


def read_tsv(path):
    """Rows of a TSV with a header line; lines starting with '#' are comments."""
    with open(path, newline="", encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path, columns, rows):
    tmp = Path(str(path) + ".part")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n",
                           extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def run(cmd, **kw):
    """Run a command; a failure raises CorpusError naming the command and its error output."""
    try:
        return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout
    except FileNotFoundError:
        raise CorpusError(f"'{cmd[0]}' not found: install it (see docs/real-corpus.md, 'Tools')")
    except subprocess.CalledProcessError as e:
        raise CorpusError(f"{' '.join(map(str, cmd))} failed ({e.returncode}): {(e.stderr or e.stdout).strip()[-500:]}")
    except subprocess.TimeoutExpired:
        raise CorpusError(f"{' '.join(map(str, cmd))} timed out")


# ---------------------------------------------------------------- manifest check (one checker: build + tests)

def check_manifest(manifest_path, out=sys.stdout):
    """Check a corpus manifest. Returns a list of problems (empty = good) and prints counts per source/label/kind.

    Every file exists with its sha256, lies in the folder of its label, labels are financial/non_financial,
    kinds are known, no package is reserved, source/package/version/original_path/licence are filled, and no
    image in the label folders is missing from the manifest.
    """
    manifest_path = Path(manifest_path)
    root = manifest_path.parent
    problems = []
    if not manifest_path.is_file():
        return [f"{manifest_path}: manifest not found"]
    with open(manifest_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing_cols = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
        if missing_cols:
            return [f"{manifest_path}: missing columns {', '.join(missing_cols)}"]
        rows = list(reader)
    seen = set()
    per_source = defaultdict(Counter)
    per_kind = defaultdict(Counter)
    for line, r in enumerate(rows, start=2):
        where = f"{manifest_path.name}:{line} ({r['file']})"
        for col in ("file", "source", "package", "version", "original_path", "licence", "sha256"):
            if not (r.get(col) or "").strip():
                problems.append(f"{where}: empty '{col}'")
        if r["label"] not in LABELS:
            problems.append(f"{where}: label '{r['label']}' is not one of {', '.join(LABELS)}")
        elif not r["file"].startswith(r["label"] + "/"):
            problems.append(f"{where}: file is not in the '{r['label']}/' folder of its label")
        if r["kind"] not in KINDS:
            problems.append(f"{where}: kind '{r['kind']}' is not one of: {', '.join(KINDS)}")
        for package in re.split(r"[ ,]+", r.get("package") or ""):
            if package and is_reserved(package):
                problems.append(f"{where}: package '{package}' is reserved for independent evaluation")
        if r["file"] in seen:
            problems.append(f"{where}: listed twice")
        seen.add(r["file"])
        path = root / r["file"]
        if not path.is_file():
            problems.append(f"{where}: file missing")
        elif r["sha256"] and sha256_of(path) != r["sha256"]:
            problems.append(f"{where}: sha256 differs from the manifest (file changed or replaced)")
        per_source[r["source"]][r["label"]] += 1
        per_kind[r["kind"]][r["label"]] += 1
    for label in LABELS:
        for path in sorted((root / label).glob("*")) if (root / label).is_dir() else []:
            rel = f"{label}/{path.name}"
            if rel not in seen:
                problems.append(f"{rel}: image not in the manifest")
    print_counts(per_source, "source", out)
    print_counts(per_kind, "kind", out)
    return problems


def print_counts(table, what, out):
    print(f"{what:24s} {'financial':>10s} {'non_financial':>14s}", file=out)
    for key in sorted(table):
        print(f"{key:24s} {table[key]['financial']:10d} {table[key]['non_financial']:14d}", file=out)
    fin = sum(c["financial"] for c in table.values())
    non = sum(c["non_financial"] for c in table.values())
    print(f"{'total (' + str(len(table)) + ' ' + what + 's)':24s} {fin:10d} {non:14d}", file=out)


# ---------------------------------------------------------------- staging: download, extract, render

class Stager:
    def __init__(self, work, allow_drift):
        self.work = Path(work).resolve()
        self.allow_drift = allow_drift
        self.debs = self.work / "debs"
        self.extract_root = self.work / "extract"
        self.staged = self.work / "staged"
        for d in (self.debs, self.extract_root, self.staged):
            d.mkdir(parents=True, exist_ok=True)

    def refuse_reserved(self, package):
        """Deny list first, then the package's direct dependencies (Depends/Pre-Depends/Recommends)."""
        if is_reserved(package):
            raise CorpusError(f"package '{package}' is reserved for independent evaluation (issue 15): refusing it")
        deps = run(["apt-cache", "depends", "--no-suggests", "--no-conflicts", "--no-breaks", "--no-replaces",
                    "--no-enhances", package])
        for m in re.finditer(r"^\s*\|?(?:Depends|PreDepends|Recommends):\s*<?([^\s>]+)", deps, re.M):
            if is_reserved(m.group(1)):
                raise CorpusError(f"package '{package}' pulls in the reserved package '{m.group(1)}': refusing it")

    def deb(self, package, version):
        """Download (once) the pinned version of one .deb; returns (path, version actually used)."""
        self.refuse_reserved(package)
        have = sorted(self.debs.glob(f"{package}_*.deb"))
        for d in have:
            if run(["dpkg-deb", "-f", str(d), "Version"]).strip() == version:
                return d, version
        try:
            run(["apt-get", "download", f"{package}={version}"], cwd=self.debs)
            used = version
        except CorpusError as e:
            if not self.allow_drift:
                raise CorpusError(f"{package} {version} (pinned in sources.tsv) cannot be downloaded: {e}\n"
                                  f"  Run 'apt-get update', or pass --allow-version-drift to use the candidate "
                                  f"version; labels were made on {version} and must then be re-checked.")
            run(["apt-get", "download", package], cwd=self.debs)
            used = None
        for d in sorted(self.debs.glob(f"{package}_*.deb")):
            v = run(["dpkg-deb", "-f", str(d), "Version"]).strip()
            if used is None or v == used:
                if v != version:
                    print(f"WARNING: {package}: using version {v}, not the pinned {version}", file=sys.stderr)
                return d, v
        raise CorpusError(f"{package}: apt-get download left no .deb in {self.debs}")

    def extract(self, package, version):
        deb, used = self.deb(package, version)
        target = self.extract_root / f"{package}_{used}"
        if not (target / ".done").exists():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            run(["dpkg-deb", "-x", str(deb), str(target)])
            (target / ".done").touch()
        return target, used

    def stage_source(self, src):
        """Stage one source (one row of sources.tsv); returns staged rows."""
        recipe = src["recipe"]
        packages = src["package"].split(",")
        roots, versions = [], []
        for package, version in zip(packages, src["version"].split(",")):
            if recipe in RUN_RECIPES:      # programs that run: the installed version is checked, nothing downloaded
                self.refuse_reserved(package)
                versions.append(version)
                continue
            root, used = self.extract(package, version)
            roots.append(root)
            versions.append(used)
        out_dir = self.staged / src["id"]
        if recipe not in ("beancount", "screens"):   # these keep their (slow) screenshots, redraw only missing ones
            shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir(parents=True, exist_ok=True)
        args = [a.strip() for a in src["args"].split(";") if a.strip()]
        if recipe == "files":
            items = self.stage_files(roots[0], args, out_dir)
        elif recipe == "pdf":
            items = self.stage_pdf(roots[0], args, out_dir, int(src.get("dpi") or 100))
        elif recipe == "beancount":
            items = self.stage_beancount(packages, versions, args, out_dir)
        elif recipe == "xlsxwriter":
            items = self.stage_xlsxwriter(roots[0], args, out_dir, int(src.get("dpi") or 100))
        elif recipe == "screens":
            items = self.stage_screens(packages, versions, args, out_dir)
        elif recipe == "rscript":
            items = self.stage_rscript(packages, versions, args, out_dir)
        else:
            raise CorpusError(f"sources.tsv: source '{src['id']}': unknown recipe '{recipe}'")
        base = {"source": src["id"], "package": src["package"], "version": ",".join(versions),
                "pinned": src["version"], "licence": src["licence"]}
        return [dict(base, **item) for item in items]

    def stage_files(self, root, patterns, out_dir):
        items = []
        for pattern in patterns:
            matches = sorted(glob.glob(str(root) + pattern, recursive=True))
            if not matches:
                print(f"WARNING: {out_dir.name}: pattern {pattern} matched nothing", file=sys.stderr)
            for path in matches:
                orig = "/" + os.path.relpath(path, root)
                ext = Path(path).suffix.lower()
                name = safe_name(orig)
                if ext in JAVA_READABLE:
                    if min(image_size(path)) < MIN_SIDE:
                        continue   # icons and toolbar buttons: not screens or pictures (docs/real-corpus.md)
                    dest = out_dir / name
                    shutil.copyfile(path, dest)
                    derived = "as shipped"
                elif ext in CONVERTIBLE:
                    dest = out_dir / (name + ".png")
                    if ext in (".svg", ".svgz"):
                        run(["rsvg-convert", "-o", str(dest), path])
                        derived = "converted svg to png (rsvg-convert, natural size)"
                    else:
                        run(["convert", path, str(dest)])
                        derived = f"converted {ext[1:]} to png (ImageMagick)"
                else:
                    continue
                items.append({"original_path": orig, "staged": str(dest.relative_to(self.staged)),
                              "derived": derived})
        return items

    def render_pdf(self, pdf, first, last, dpi, out_dir, orig_prefix, derived_prefix):
        prefix = out_dir / safe_name(orig_prefix)
        run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(first), "-l", str(last), str(pdf), str(prefix)])
        items = []
        for page_png in sorted(out_dir.glob(prefix.name + "-*.png")):
            page = int(page_png.stem.rsplit("-", 1)[1])
            dest = out_dir / f"{prefix.name}_p{page:03d}.png"
            page_png.rename(dest)
            items.append({"original_path": f"{orig_prefix}#page={page}",
                          "staged": str(dest.relative_to(self.staged)),
                          "derived": f"{derived_prefix}pdftoppm -r {dpi} page {page}"})
        return items

    def stage_pdf(self, root, specs, out_dir, dpi):
        """specs: /path/in/package.pdf[:FIRST-LAST]"""
        items = []
        for spec in specs:
            path, _, pages = spec.partition(":")
            pdf = Path(str(root) + path)
            if not pdf.is_file():
                raise CorpusError(f"{out_dir.name}: {path} is not in the package")
            count = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", str(pdf)])).group(1))
            first, last = (map(int, pages.split("-"))) if pages else (1, count)
            items += self.render_pdf(pdf, first, min(last, count), dpi, out_dir, path, "")
        return items

    def stage_beancount(self, packages, versions, specs, out_dir):
        """Beancount's own example generator (fixed seed and dates) -> bean-bake (its web interface baked to static
        HTML) -> pages screenshotted by headless Chromium at 1366x900. Needs the pinned beancount installed
        (bean-example and bean-bake run from it). specs: 'example: ARGS' once, then globs of baked pages."""
        for package, version in zip(packages, versions):
            installed = run(["dpkg-query", "-W", "-f", "${Version}", package]).strip()
            if installed != version:
                message = f"{package} {installed} is installed, not {version} as pinned in sources.tsv"
                if not self.allow_drift:
                    raise CorpusError(message + f": apt-get install {package}={version} (or --allow-version-drift)")
                print(f"WARNING: {message}", file=sys.stderr)
        example_args = specs[0].split(":", 1)[1].split()
        bake = self.work / "beancount"
        shutil.rmtree(bake, ignore_errors=True)
        bake.mkdir()
        run(["bean-example", *example_args, "-o", str(bake / "example.beancount")], timeout=600)
        run(["bean-bake", str(bake / "example.beancount"), str(bake / "baked")], timeout=1800)
        pages = []
        for pattern in specs[1:]:
            pages += sorted(glob.glob(str(bake / "baked" / pattern), recursive=True))
        recipe = f"bean-example {' '.join(example_args)} | bean-bake"

        def shoot(page):
            rel = os.path.relpath(page, bake / "baked")
            dest = out_dir / (safe_name(rel) + ".png")
            if not (dest.is_file() and dest.stat().st_size > 0):
              with tempfile.TemporaryDirectory() as profile:
                run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                     f"--user-data-dir={profile}", "--window-size=1366,900", f"--screenshot={dest}",
                     Path(page).as_uri()], timeout=300)
            return {"original_path": f"{recipe}: {rel}", "staged": str(dest.relative_to(self.staged)),
                    "derived": "bean-bake HTML page -> headless Chromium screenshot 1366x900"}

        wanted = {safe_name(os.path.relpath(p, bake / "baked")) + ".png" for p in pages}
        for old in out_dir.glob("*.png"):
            if old.name not in wanted:
                old.unlink()
        with ThreadPoolExecutor(max_workers=3) as pool:   # Chromium mostly waits on its own start-up
            return list(pool.map(shoot, sorted(set(pages))))

    def require_installed(self, packages, versions):
        """Recipes that run a program need exactly the pinned version installed (the labels were made on it)."""
        for package, version in zip(packages, versions):
            installed = run(["dpkg-query", "-W", "-f", "${Version}", package]).strip()
            if installed != version:
                message = f"{package} {installed or '(not installed)'} is installed, not {version} as pinned"
                if not self.allow_drift:
                    raise CorpusError(message + f": apt-get install {package}={version} (or --allow-version-drift)")
                print(f"WARNING: {message}", file=sys.stderr)

    def stage_screens(self, packages, versions, specs, out_dir):
        """Real programs on a private Xvfb display showing seeded data, screenshotted (screens.py).
        specs: 'DRIVER: key=value ...' per session. Shots already in out_dir are kept (cache)."""
        import screens   # imported here: the other recipes and the checker do not need it
        self.require_installed(packages, versions)
        items, wanted = [], set()
        for spec in specs:
            driver, _, options = spec.partition(":")
            fn = screens.DRIVERS.get(driver.strip())
            if fn is None:
                raise CorpusError(f"sources.tsv: unknown screens driver '{driver}' (known: {', '.join(screens.DRIVERS)})")
            try:
                got = fn(self.work, out_dir, options.strip())
            except screens.ScreenError as e:
                raise CorpusError(f"screens {spec}: {e}")
            for item in got:
                wanted.add(Path(item["staged"]).name)
                items.append(dict(item, staged=str(Path(item["staged"]).relative_to(self.staged))))
        for old in out_dir.glob("*.png"):
            if old.name not in wanted:
                old.unlink()
        return items

    def stage_rscript(self, packages, versions, specs, out_dir):
        """An R script of this folder draws charts from data sets the pinned R packages ship.
        specs: the script's file name. It writes OUT/*.png and OUT/index.tsv (file, what)."""
        self.require_installed(packages, versions)
        script = Path(__file__).resolve().parent / specs[0]
        run(["Rscript", str(script), str(out_dir)], timeout=1800)
        return [{"original_path": f"{specs[0]}: {r['what']}", "staged": str((out_dir / r["file"]).relative_to(self.staged)),
                 "derived": f"drawn by R ({specs[0]}, png device 1200x800, cairo)"}
                for r in read_tsv(out_dir / "index.tsv")]

    def stage_xlsxwriter(self, root, specs, out_dir, dpi):
        """Run XlsxWriter's shipped example scripts, render each workbook with LibreOffice (headless) to PDF, then
        pages to PNG. specs: example-folder glob[:MAX_PAGES]."""
        items = []
        module_dir = root / "usr/lib/python3/dist-packages"
        for spec in specs:
            pattern, _, max_pages = spec.partition(":")
            for script in sorted(glob.glob(str(root) + pattern)):
                orig_script = "/" + os.path.relpath(script, root)
                with tempfile.TemporaryDirectory() as tmp:
                    for aux in Path(script).parent.iterdir():   # scripts read their neighbours (images, text)
                        if aux.suffix != ".py":
                            shutil.copy(aux, tmp)
                    env = dict(os.environ, PYTHONPATH=str(module_dir))
                    try:
                        run([sys.executable, script], cwd=tmp, env=env, timeout=120)
                    except CorpusError as e:
                        print(f"NOTE: {orig_script} did not run here ({str(e).splitlines()[-1][:120]}); skipped",
                              file=sys.stderr)
                        continue
                    for book in sorted(Path(tmp).glob("*.xls[xm]")):
                        run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo-profile",
                             "--convert-to", "pdf", "--outdir", tmp, str(book)], timeout=300)
                        pdf = book.with_suffix(".pdf")
                        if not pdf.is_file():
                            print(f"NOTE: LibreOffice made no PDF from {book.name}; skipped", file=sys.stderr)
                            continue
                        count = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", str(pdf)])).group(1))
                        last = min(count, int(max_pages or count))
                        items += self.render_pdf(pdf, 1, last, dpi, out_dir, f"{orig_script}#{book.name}",
                                                 f"{Path(script).name} run -> {book.name} -> LibreOffice PDF -> ")
        return items


def image_size(path):
    out = run(["identify", "-format", "%w %h", str(path) + "[0]"])
    w, h = out.split()
    return int(w), int(h)


def safe_name(orig):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", orig.strip("/")).strip("_")[-150:]


def stage(args):
    sources = read_tsv(args.sources)
    only = set(args.only.split(",")) if args.only else None
    stager = Stager(args.work, args.allow_version_drift)
    index_path = stager.work / "staged.tsv"
    ids = {src["id"] for src in sources}
    # --only restages some sources and keeps the others' rows (of sources still listed in sources.tsv)
    rows = [r for r in read_tsv(index_path) if r["source"] in ids] if index_path.exists() and only else []
    for src in sources:
        if only and src["id"] not in only:
            continue
        for package in src["package"].split(","):
            if is_reserved(package):
                raise CorpusError(f"sources.tsv: source '{src['id']}' names the reserved package '{package}'")
        got = stager.stage_source(src)
        print(f"staged {src['id']:28s} {len(got):5d} images from {src['package']} {src['version']}", flush=True)
        rows = [r for r in rows if r["source"] != src["id"]] + got
        write_tsv(index_path, STAGED_COLUMNS, rows)   # after each source, so labelling can start early


# ---------------------------------------------------------------- assemble: apply the committed labels

def read_labels(path):
    labels = {}
    for line, r in enumerate(read_tsv(path), start=2):
        key = (r["source"], r["original_path"])
        decision = r["decision"]
        if decision not in LABELS and not decision.startswith("excluded:"):
            raise CorpusError(f"{path}:{line}: decision '{decision}' must be financial, non_financial or "
                              f"'excluded: reason'")
        if decision in LABELS and r["kind"] not in KINDS:
            raise CorpusError(f"{path}:{line}: kind '{r['kind']}' is not one of: {', '.join(KINDS)}")
        if key in labels and labels[key] != (decision, r["kind"]):
            raise CorpusError(f"{path}:{line}: {key[0]} {key[1]} is labelled twice, differently")
        labels[key] = (decision, r["kind"])
    return labels


def assemble(args):
    work = Path(args.work).resolve()
    out = Path(args.out)
    labels = read_labels(args.labels)
    staged = read_tsv(work / "staged.tsv")
    for label in LABELS:
        shutil.rmtree(out / label, ignore_errors=True)
        (out / label).mkdir(parents=True)
    manifest, unlabelled, excluded, drift = [], [], Counter(), set()
    seen_digests, duplicates = {}, []
    for r in staged:
        if r["version"] != r["pinned"]:
            drift.add(f"{r['package']} {r['version']} (labels made on {r['pinned']})")
        decision = labels.get((r["source"], r["original_path"]))
        if decision is None:
            unlabelled.append(r)
            continue
        label, kind = decision
        if label not in LABELS:
            excluded[r["source"]] += 1
            continue
        src = work / "staged" / r["staged"]
        digest = sha256_of(src)
        if digest in seen_digests:      # the same picture shipped twice (e.g. a docs copy): counted once
            duplicates.append(f"{r['source']} {r['original_path']} = {seen_digests[digest]}")
            continue
        seen_digests[digest] = f"{r['source']} {r['original_path']}"
        name = f"{r['source']}__{Path(r['staged']).name}"
        shutil.copyfile(src, out / label / name)
        manifest.append({"file": f"{label}/{name}", "label": label, "kind": kind, "source": r["source"],
                         "package": r["package"], "version": r["version"], "original_path": r["original_path"],
                         "licence": r["licence"], "sha256": sha256_of(out / label / name), "derived": r["derived"]})
    staged_keys = {(r["source"], r["original_path"]) for r in staged}
    stale = sorted(k for k in labels if k not in staged_keys and k[0] in {r["source"] for r in staged})
    write_tsv(out / "manifest.tsv", MANIFEST_COLUMNS, manifest)
    write_tsv(work / "unlabelled.tsv", ("source", "original_path", "staged"), unlabelled)
    print(f"assembled {len(manifest)} images into {out}; excluded by the labels: {sum(excluded.values())}")
    if duplicates:
        print(f"left out {len(duplicates)} byte-identical duplicates, e.g. {duplicates[0]}")
    for d in sorted(drift):
        print(f"WARNING: version drift: {d}", file=sys.stderr)
    if unlabelled:
        print(f"WARNING: {len(unlabelled)} staged images have no label and were left out (listed in "
              f"{work / 'unlabelled.tsv'}; look at them and add them to labels.tsv)", file=sys.stderr)
    if stale:
        print(f"WARNING: {len(stale)} labels name files the sources no longer produce, e.g. {stale[0]}",
              file=sys.stderr)


# ---------------------------------------------------------------- labelling helpers (used by a person)

def sheets(args):
    """Numbered contact sheets of one source's staged images, plus an index TSV per sheet."""
    work = Path(args.work).resolve()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = [r for r in read_tsv(work / "staged.tsv") if r["source"] == args.source]
    if args.unlabelled_only and args.labels:
        labels = read_labels(args.labels)
        rows = [r for r in rows if (r["source"], r["original_path"]) not in labels]
    per = args.cols * args.rows
    for n, start in enumerate(range(0, len(rows), per)):
        chunk = rows[start:start + per]
        stem = out / f"{args.source}-{n:02d}"
        write_tsv(f"{stem}.tsv", ("index", "source", "original_path", "staged"),
                  [dict(r, index=start + i) for i, r in enumerate(chunk)])
        cmd = ["montage"]
        for i, r in enumerate(chunk):
            cmd += ["-label", str(start + i), str(work / "staged" / r["staged"]) + "[0]"]
        cmd += ["-tile", f"{args.cols}x{args.rows}", "-geometry", f"{args.size}x{args.size}+4+4",
                "-pointsize", "18", "-background", "#bbbbbb", f"{stem}.png"]
        run(cmd, timeout=600)
        print(f"{stem}.png: images {start}..{start + len(chunk) - 1}")


def parse_ranges(text):
    out = []
    for part in text.split(","):
        if part.strip():
            a, _, b = part.partition("-")
            out += range(int(a), int(b or a) + 1)
    return out


def mark(args):
    """Append decisions for numbered images of contact-sheet indexes to the labels file."""
    index = {}
    for path in args.index:
        for r in read_tsv(path):
            index[int(r["index"])] = r
    decision = args.label if args.label in LABELS else f"excluded: {args.label}"
    if decision in LABELS and args.kind not in KINDS:
        raise CorpusError(f"--kind must be one of: {', '.join(KINDS)}")
    new = not Path(args.labels).exists()
    with open(args.labels, "a", encoding="utf-8") as f:
        if new:
            f.write("source\toriginal_path\tdecision\tkind\n")
        for i in parse_ranges(args.numbers):
            if i not in index:
                raise CorpusError(f"image {i} is not in the given sheet indexes")
            r = index[i]
            f.write(f"{r['source']}\t{r['original_path']}\t{decision}\t{args.kind if decision in LABELS else ''}\n")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("stage", help="download pinned packages, extract and render images into WORK/staged")
    s.add_argument("--sources", required=True)
    s.add_argument("--work", required=True)
    s.add_argument("--only", help="comma-separated source ids")
    s.add_argument("--allow-version-drift", action="store_true")
    a = sub.add_parser("assemble", help="apply labels.tsv: copy labelled images to OUT/{financial,non_financial}")
    a.add_argument("--labels", required=True)
    a.add_argument("--work", required=True)
    a.add_argument("--out", required=True)
    c = sub.add_parser("check", help="check a corpus manifest (files, sha256, labels, reserved packages)")
    c.add_argument("manifest")
    sh = sub.add_parser("sheets", help="numbered contact sheets of one source's staged images")
    sh.add_argument("--work", required=True)
    sh.add_argument("--source", required=True)
    sh.add_argument("--out", required=True)
    sh.add_argument("--labels")
    sh.add_argument("--unlabelled-only", action="store_true")
    sh.add_argument("--cols", type=int, default=6)
    sh.add_argument("--rows", type=int, default=5)
    sh.add_argument("--size", type=int, default=300)
    m = sub.add_parser("mark", help="append labels for numbered images of contact-sheet indexes")
    m.add_argument("index", nargs="+")
    m.add_argument("--labels", required=True)
    m.add_argument("--label", required=True, help="financial, non_financial, or an exclusion reason")
    m.add_argument("--kind", default="")
    m.add_argument("--numbers", required=True, help="e.g. 0-4,7,9")
    args = p.parse_args(argv)
    try:
        if args.command == "check":
            problems = check_manifest(args.manifest)
            for problem in problems:
                print(f"PROBLEM: {problem}", file=sys.stderr)
            print(f"manifest check: {'FAILED, ' + str(len(problems)) + ' problems' if problems else 'ok'}")
            return 1 if problems else 0
        {"stage": stage, "assemble": assemble, "sheets": sheets, "mark": mark}[args.command](args)
        return 0
    except CorpusError as e:
        print(f"corpus: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
