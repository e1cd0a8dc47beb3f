"""Tests of the real-corpus manifest check and the labels file (standard library only; run by .ci/run).

    python3 -m unittest discover -s bench/real-corpus -p 'test_*.py' -v
"""
import csv
import hashlib
import io
import struct
import tempfile
import unittest
import zlib
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent


def tiny_png(rgb):
    """A real 2x2 PNG of one colour (so the tiny corpus holds images, not placeholder bytes)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes(rgb) * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class TinyCorpus:
    """Builds data/real-like folders with a manifest in a temporary directory."""

    def __init__(self, root):
        self.root = Path(root)
        self.rows = []
        for i, (label, kind, package) in enumerate([
                ("financial", "finance-app screen", "kmymoney-common"),
                ("financial", "document render", "ledger"),
                ("non_financial", "wallpaper", "ukui-wallpapers"),
                ("non_financial", "ordinary-app screen", "dolphin")]):
            name = f"{label}/{package}__img{i}.png"
            (self.root / label).mkdir(parents=True, exist_ok=True)
            data = tiny_png((40 * i, 200 - 40 * i, 90))
            (self.root / name).write_bytes(data)
            self.rows.append({"file": name, "label": label, "kind": kind, "source": package + "-src",
                              "package": package, "version": "1.0-1", "original_path": f"/usr/share/x/img{i}.png",
                              "licence": "GPL-2+", "sha256": hashlib.sha256(data).hexdigest(),
                              "derived": "as shipped"})
        self.write()

    def write(self):
        corpus.write_tsv(self.root / "manifest.tsv", corpus.MANIFEST_COLUMNS, self.rows)

    def check(self):
        out = io.StringIO()
        problems = corpus.check_manifest(self.root / "manifest.tsv", out=out)
        return problems, out.getvalue()


class ManifestCheckTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.corpus = TinyCorpus(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_good_corpus_passes_and_counts_per_source(self):
        problems, printed = self.corpus.check()
        self.assertEqual(problems, [])
        self.assertRegex(printed, r"kmymoney-common-src\s+1\s+0")
        self.assertRegex(printed, r"total \(4 sources\)\s+2\s+2")
        self.assertRegex(printed, r"wallpaper\s+0\s+1")

    def test_bad_sha256_is_reported(self):
        path = self.corpus.root / self.corpus.rows[1]["file"]
        path.write_bytes(tiny_png((1, 2, 3)))          # the file was replaced after the manifest was written
        problems, _ = self.corpus.check()
        self.assertEqual(len(problems), 1)
        self.assertIn("sha256 differs", problems[0])
        self.assertIn(self.corpus.rows[1]["file"], problems[0])

    def test_bad_label_is_reported(self):
        self.corpus.rows[0]["label"] = "finance"
        self.corpus.write()
        problems, _ = self.corpus.check()
        self.assertTrue(any("label 'finance' is not one of" in p for p in problems), problems)

    def test_file_in_the_wrong_label_folder_is_reported(self):
        self.corpus.rows[2]["label"] = "financial"
        self.corpus.write()
        problems, _ = self.corpus.check()
        self.assertTrue(any("not in the 'financial/' folder" in p for p in problems), problems)

    def test_reserved_package_is_reported(self):
        for reserved in ("gnucash-docs", "libreoffice-help-de", "gimp-help-en", "python3-skimage"):
            with self.subTest(reserved=reserved):
                self.corpus.rows[3]["package"] = reserved
                self.corpus.write()
                problems, _ = self.corpus.check()
                self.assertTrue(any(f"'{reserved}' is reserved" in p for p in problems), problems)

    def test_missing_file_is_reported(self):
        (self.corpus.root / self.corpus.rows[2]["file"]).unlink()
        problems, _ = self.corpus.check()
        self.assertEqual(problems, [f"manifest.tsv:4 ({self.corpus.rows[2]['file']}): file missing"])

    def test_empty_licence_and_source_are_reported(self):
        self.corpus.rows[0]["licence"] = ""
        self.corpus.rows[1]["source"] = ""
        self.corpus.write()
        problems, _ = self.corpus.check()
        self.assertTrue(any("empty 'licence'" in p for p in problems), problems)
        self.assertTrue(any("empty 'source'" in p for p in problems), problems)

    def test_image_not_in_manifest_is_reported(self):
        (self.corpus.root / "non_financial" / "stray.png").write_bytes(tiny_png((9, 9, 9)))
        problems, _ = self.corpus.check()
        self.assertEqual(problems, ["non_financial/stray.png: image not in the manifest"])

    def test_command_line_exit_codes(self):
        self.assertEqual(corpus.main(["check", str(self.corpus.root / "manifest.tsv")]), 0)
        self.corpus.rows[0]["kind"] = "selfie"
        self.corpus.write()
        self.assertEqual(corpus.main(["check", str(self.corpus.root / "manifest.tsv")]), 1)


class DenyListTest(unittest.TestCase):
    def test_reserved_names_and_prefixes(self):
        for name in ("gnucash-docs", "skrooge-common", "grisbi-common", "homebank-data", "gnumeric-doc",
                     "libreoffice-help-common", "libreoffice-help-en-gb", "gimp-help-common", "gimp-help-de",
                     "opencv-doc", "plasma-workspace-wallpapers", "gcompris-qt-data", "python3-skimage",
                     "mate-backgrounds", "gnome-backgrounds"):
            self.assertTrue(corpus.is_reserved(name), name)
        for name in ("kmymoney-common", "ledger", "gnucash", "libreoffice-calc-nogui", "ukui-wallpapers"):
            self.assertFalse(corpus.is_reserved(name), name)

    def test_stager_refuses_reserved_package_before_any_download(self):
        with tempfile.TemporaryDirectory() as work:
            stager = corpus.Stager(work, allow_drift=False)
            with self.assertRaisesRegex(corpus.CorpusError, "reserved for independent evaluation"):
                stager.deb("gnucash-docs", "1:4.0-1")
            self.assertEqual(list((Path(work) / "debs").iterdir()), [])

    def test_committed_sources_name_no_reserved_package(self):
        for src in corpus.read_tsv(HERE / "sources.tsv"):
            for package in src["package"].split(","):
                self.assertFalse(corpus.is_reserved(package), f"{src['id']}: {package}")


class LabelsFileTest(unittest.TestCase):
    def test_committed_labels_are_valid(self):
        labels = corpus.read_labels(HERE / "labels.tsv")     # raises on a bad decision, kind or conflict
        sources = {s["id"] for s in corpus.read_tsv(HERE / "sources.tsv")}
        self.assertGreater(len(labels), 0)
        for (source, path), (decision, kind) in labels.items():
            self.assertIn(source, sources, f"labels.tsv names an unknown source: {source} {path}")

    def test_conflicting_labels_are_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "labels.tsv"
            path.write_text("source\toriginal_path\tdecision\tkind\n"
                            "s\t/a.png\tfinancial\tchart\n"
                            "s\t/a.png\tnon_financial\tchart\n")
            with self.assertRaisesRegex(corpus.CorpusError, "labelled twice"):
                corpus.read_labels(path)


if __name__ == "__main__":
    unittest.main()
