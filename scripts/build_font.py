#!/usr/bin/python3
"""Build the app's embedded CJK fonts from Debian's fonts-noto-cjk.

Reads the "Noto Sans CJK SC" face out of the NotoSansCJK-{Regular,Bold}.ttc
collections, subsets it to the characters the app needs, converts the CFF
outlines to quadratic TrueType (glyf) outlines, renames the family (the OFL
Reserved Font Name rule forbids calling a modified font "Noto") and writes
the subsets with their CFF outlines as .otf files (for the window),
smaller TrueType -Common.ttf subsets without the rarer ideographs (for
the PDF), and OFL.txt into assets/fonts/. The full TrueType subset is built
only to check the .otf against it and then removed: the program does not
carry it, to stay under 45 MB (docs/PERFORMANCE.md).

Run through scripts/build-font.sh, which installs the Debian packages this
needs. It must be run with Debian's /usr/bin/python3 (python3-fontTools).
The output is byte-for-byte reproducible for a given set of input packages.
"""

import argparse
import bz2
import os
import re
import subprocess
import sys
import time

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

NOTO_DIR = "/usr/share/fonts/opentype/noto"
SOURCE_FAMILY = "Noto Sans CJK SC"
UNIHAN_OTHER = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
NOTO_COPYRIGHT = "/usr/share/doc/fonts-noto-cjk/copyright"
# Copyright statement of upstream's LICENSE file (googlefonts/noto-cjk). The
# Debian package ships only the bare OFL text, and the fonts' name ID 0 omits
# the Reserved Font Name, so it is spelt out here. Neither "Source" nor
# "Noto" appears in the names of the fonts built here.
UPSTREAM_COPYRIGHT = ("Copyright 2014-2021 Adobe (http://www.adobe.com/), "
                      "with Reserved Font Name 'Source'.")

FAMILY = "PlanReview Sans SC"
PS_FAMILY = "PlanReviewSansSC"
WEIGHTS = ("Regular", "Bold")

# Keep every ideograph of the CJK Unified Ideographs block (U+4E00..U+9FFF),
# not just GB2312 + 通用规范汉字表. Both fonts together stay well under 25 MB
# with this on (see assets/fonts/README.md for the sizes).
KEEP_FULL_URO = True

# Maximum deviation (font units, UPM 1000) allowed when approximating the
# cubic CFF curves with quadratic TrueType splines.
CU2QU_MAX_ERR = 1.0

# OpenType layout features kept. 'locl' is left out on purpose: in this
# face it only maps to the Japanese/Korean/Traditional glyph variants,
# which would add thousands of glyphs the app never shows.
LAYOUT_FEATURES = [
    "ccmp", "liga", "calt", "kern", "mark", "mkmk",
    "halt", "palt", "vert", "vrt2", "vhal", "vpal", "vkrn",
]

# Whole Unicode blocks; only what the source face covers is kept. The
# symbol blocks are those Chinese official documents and statistics tables
# use (units ㎡ ㎞, ㈠ ㊣, ★ ▲ ✓ ❶, ﹝﹞, box drawing), in both the window's
# .otf and the brief's -Common.ttf: a character missing from the latter
# prints as 〓. Left out: Bopomofo (beyond GB2312's), kana, the radicals
# and stroke blocks, and the emoji-like Enclosed (Ideographic)
# Alphanumeric Supplements (U+1F100-1F2FF).
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation (‰ ‘’ “” … — etc.)
    (0x2070, 0x209F),  # Superscripts and Subscripts (the source has ⁴ only)
    (0x20A0, 0x20CF),  # Currency Symbols (€ ₩ ₫)
    (0x2100, 0x214F),  # Letterlike Symbols (℃ № ℉ ...)
    (0x2150, 0x218F),  # Number Forms: Roman numerals Ⅰ-Ⅻ, ⅰ-ⅻ
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators (≥ ≤ ≈ ...)
    (0x2300, 0x23FF),  # Miscellaneous Technical (⌒ ⌘)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ⑴ ⒈ ...)
    (0x2500, 0x257F),  # Box Drawing (GB2312 has 76 of the 128)
    (0x2580, 0x259F),  # Block Elements (▁ █ ░)
    (0x25A0, 0x25FF),  # Geometric Shapes (■ □ ▲ △ ▽ ◆ ● ◎)
    (0x2600, 0x26FF),  # Miscellaneous Symbols (★ ☆ ☎ ☑ ♀)
    (0x2700, 0x27BF),  # Dingbats (✓ ❶-❿ ➀-➓)
    (0x2E00, 0x2E7F),  # Supplemental Punctuation (⸺ ⸻)
    (0x2B00, 0x2BFF),  # Miscellaneous Symbols and Arrows (⬆ ⮕)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months (㈠ ㈱ ㊣ ㊀)
    (0x3300, 0x33FF),  # CJK Compatibility (㎡ ㎞ ㎏ ㎜ ㎝ ㏄)
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms (﹝ ﹞ ︰ ︵)
    (0xFE50, 0xFE6F),  # Small Form Variants (﹐ ﹔ ﹖)
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
EXTRA_CHARS = "±×÷·°§¥€£¢"


def gb2312_chars():
    """Every character encoded in GB2312 (levels 1 and 2 and the symbol rows)."""
    out = set()
    for hi in range(0xA1, 0xFF):
        for lo in range(0xA1, 0xFF):
            try:
                s = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.update(s)
    return out


def tgh_chars():
    """The 8,105 characters of 通用规范汉字表 (Unihan kTGH, from unicode-data)."""
    out = set()
    if not os.path.exists(UNIHAN_OTHER):
        return out
    with bz2.open(UNIHAN_OTHER, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[1] == "kTGH":
                out.add(chr(int(parts[0][2:], 16)))
    return out


def wanted_codepoints(seed_files, full_uro=KEEP_FULL_URO):
    cps = set()
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    cps.update(ord(c) for c in EXTRA_CHARS)
    gb = gb2312_chars()
    tgh = tgh_chars()
    cps.update(ord(c) for c in gb)
    cps.update(ord(c) for c in tgh)
    if full_uro:
        cps.update(range(0x4E00, 0xA000))
    for path in seed_files:
        with open(path, encoding="utf-8") as f:
            cps.update(ord(c) for c in f.read() if c >= " ")
    return cps, len(gb), len(tgh)


def name_string(font, name_id):
    rec = font["name"].getName(name_id, 3, 1, 0x409)
    return rec.toUnicode() if rec else None


def find_face(ttc_path, family):
    """Index of the face whose (typographic) family name is `family`."""
    coll = TTCollection(ttc_path, lazy=True)
    try:
        for i, face in enumerate(coll.fonts):
            fam = name_string(face, 16) or name_string(face, 1)
            if fam == family:
                return i
    finally:
        coll.close()
    raise SystemExit(f"no face named {family!r} in {ttc_path}")


def subset_font(font, codepoints, desubroutinize=True):
    opts = subset.Options()
    opts.layout_features = LAYOUT_FEATURES
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.hinting = False
    opts.desubroutinize = desubroutinize
    opts.legacy_kern = False
    opts.recalc_timestamp = False
    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=sorted(codepoints))
    sub.subset(font)


def cff_to_glyf(font):
    """Replace CFF outlines with quadratic TrueType outlines (after otf2ttf)."""
    assert font.sfntVersion == "OTTO" and "CFF " in font
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType clockwise.
        glyph_set[name].draw(Cu2QuPen(tt_pen, CU2QU_MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()

    vorg = font["VORG"] if "VORG" in font else None

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)

    # Side bearings must match the new outlines' bounding boxes.
    hmtx = font["hmtx"]
    for name in order:
        g = glyf[name]
        adv, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (adv, g.xMin if g.numberOfContours else 0)
    if "vmtx" in font:
        # Without VORG, the vertical origin is topSideBearing + yMax, so fold
        # the VORG origins into the top side bearings.
        vmtx = font["vmtx"]
        for name in order:
            g = glyf[name]
            adv, tsb = vmtx.metrics[name]
            if g.numberOfContours and vorg is not None:
                origin = vorg.VOriginRecords.get(name, vorg.defaultVertOriginY)
                tsb = origin - g.yMax
            vmtx.metrics[name] = (adv, tsb)

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0
    maxp.compile(font)  # fills numGlyphs and the point/contour maxima

    post = font["post"]
    post.formatType = 3.0  # no glyph names: they would only add size
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None

    # Unhinted outlines: ask rasterisers for grayscale + symmetric smoothing.
    gasp = font["gasp"] = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000A}

    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, weight, source_version, debian_version, outlines="TrueType outlines"):
    name = font["name"]
    full = FAMILY if weight == "Regular" else f"{FAMILY} {weight}"
    ps = f"{PS_FAMILY}-{weight}"
    rev = font["head"].fontRevision
    new = {
        1: FAMILY,
        2: weight,
        3: f"{rev:.3f};PlanReview;{ps}",
        4: full,
        5: f"Version {rev:.3f}; built from {SOURCE_FAMILY} {source_version}"
           f" (Debian fonts-noto-cjk {debian_version}): subset, {outlines}",
        6: ps,
    }
    # The style-linked RIBBI family is enough; no typographic names needed.
    name.names = [n for n in name.names if n.nameID not in (16, 17, 18, 21, 22)]
    for rec in name.names:
        if rec.nameID in new:
            rec.string = new[rec.nameID]
    # Make sure the Windows English records for 1-6 all exist.
    for nid, s in new.items():
        name.setName(s, nid, 3, 1, 0x409)
    name.names.sort(key=lambda n: (n.platformID, n.platEncID, n.langID, n.nameID))


def debian_version(pkg):
    try:
        return subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", pkg],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def build_one(weight, cps, out_dir, deb_ver, suffix="", keep_cff=False):
    """One weight subset to cps. With keep_cff, the source's PostScript
    (CFF) outlines are kept (subroutines too) and an .otf written, for the
    window: the Go font parser Fyne uses reads CFF glyphs on demand but
    parses every TrueType glyph up front (59 ms against 4 ms for this
    face), and the window parses each face at start. The PDF needs the
    TrueType file (fpdf reads only glyf outlines)."""
    ttc = os.path.join(NOTO_DIR, f"NotoSansCJK-{weight}.ttc")
    idx = find_face(ttc, SOURCE_FAMILY)
    font = TTFont(ttc, fontNumber=idx, recalcTimestamp=False)
    src_version = name_string(font, 5).split(";")[0].replace("Version ", "")
    # Fixed timestamps, taken from the source face (so they only change when
    # the Debian package does).
    stamp = font["head"].modified
    available = set(font.getBestCmap())
    subset_font(font, cps & available, desubroutinize=not keep_cff)
    if keep_cff:
        rename(font, weight, src_version, deb_ver, outlines="PostScript (CFF) outlines")
    else:
        cff_to_glyf(font)
        rename(font, weight, src_version, deb_ver)
    head = font["head"]
    head.created = head.modified = stamp
    ext = "otf" if keep_cff else "ttf"
    out = os.path.join(out_dir, f"{PS_FAMILY}-{weight}{suffix}.{ext}")
    tmp = out + ".tmp"
    font.save(tmp, reorderTables=True)
    os.replace(tmp, out)
    return idx, len(font.getGlyphOrder()), len(font.getBestCmap()), cps - available, out


def write_ofl(out_dir, copyright_line):
    """OFL 1.1 text from Debian's copyright file, with the font's copyright."""
    with open(NOTO_COPYRIGHT, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^License: SIL-1\.1\n((?: .*\n?)+)", text, re.M)
    if not m:
        raise SystemExit(f"OFL text not found in {NOTO_COPYRIGHT}")
    body = []
    for line in m.group(1).splitlines():
        line = line[1:]  # Debian copyright format: one leading space
        body.append("" if line == "." else line)
    lic = "\n".join(body).strip("\n")
    with open(os.path.join(out_dir, "OFL.txt"), "w", encoding="utf-8") as f:
        f.write(f"{copyright_line}\n\n")
        f.write("PlanReview Sans SC is a modified version (subset, converted to\n"
                "TrueType outlines or kept in PostScript outlines, renamed) of\n"
                "Noto Sans CJK SC.\n"
                "Noto is a trademark of Google Inc.\n\n")
        f.write("This Font Software is licensed under the SIL Open Font License, Version 1.1.\n")
        f.write("This license is copied below, and is also available with a FAQ at:\n")
        f.write("https://openfontlicense.org\n\n\n")
        f.write(lic + "\n")


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-dir", default=os.path.join(repo, "assets", "fonts"))
    ap.add_argument("--seed", action="append",
                    default=[os.path.join(repo, "seeds", "jiaxing-2023-plan-notice.txt")],
                    help="text file whose characters must all be covered")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    t0 = time.monotonic()
    cps, n_gb, n_tgh = wanted_codepoints(args.seed)
    common, _, _ = wanted_codepoints(args.seed, full_uro=False)
    print(f"wanted code points: {len(cps)} (GB2312 {n_gb}, 通用规范汉字表 {n_tgh}, "
          f"full U+4E00-9FFF: {KEEP_FULL_URO})")
    deb_ver = debian_version("fonts-noto-cjk")
    missing_seed = set()
    for path in args.seed:
        with open(path, encoding="utf-8") as f:
            missing_seed.update(ord(c) for c in f.read() if c >= " ")
    for weight in WEIGHTS:
        t1 = time.monotonic()
        idx, n_glyphs, n_cmap, missing, out = build_one(weight, cps, args.out_dir, deb_ver)
        bad = sorted(missing & missing_seed)
        if bad:
            raise SystemExit("seed characters missing from the source font: "
                             + " ".join(f"U+{c:04X}" for c in bad))
        print(f"{out}: face #{idx}, {n_glyphs} glyphs, {n_cmap} code points, "
              f"{os.path.getsize(out)} bytes, {time.monotonic() - t1:.1f}s")
        full_ttf = out
        t1 = time.monotonic()
        _, n_otf, _, _, out = build_one(weight, cps, args.out_dir, deb_ver, keep_cff=True)
        if n_otf != n_glyphs:
            raise SystemExit(f"{out}: {n_otf} glyphs, the TrueType file has {n_glyphs}")
        print(f"{out}: {n_otf} glyphs, {os.path.getsize(out)} bytes, {time.monotonic() - t1:.1f}s")
        os.remove(full_ttf)
        # The PDF's font: without the rest of U+4E00-9FFF, fpdf loads and
        # subsets it in well under half the time, and the program stays
        # small enough to mail.
        t1 = time.monotonic()
        _, n_common, n_cmap, _, out = build_one(weight, common, args.out_dir, deb_ver, suffix="-Common")
        print(f"{out}: {n_common} glyphs, {n_cmap} code points, "
              f"{os.path.getsize(out)} bytes, {time.monotonic() - t1:.1f}s")
    write_ofl(args.out_dir, UPSTREAM_COPYRIGHT)
    print(f"done in {time.monotonic() - t0:.1f}s")


if __name__ == "__main__":
    sys.exit(main())
