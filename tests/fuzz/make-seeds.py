#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/NAME/)
from the shipped content, the broken and hostile content corpora and a
few hand-made inputs. The output is committed; run this again when those change:

    tests/fuzz/make-seeds.py

Reproducers of what fuzzing found live beside the seeds as regress-* files
and are not touched here."""
import os
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CONTENT = ROOT / "content"
DATA = ROOT / "tests" / "data"
SEP = b"\n%%\n"


def write(target, name, data):
    d = HERE / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def clear(target):
    d = HERE / "corpus" / target
    if d.exists():
        for f in d.iterdir():
            if not f.name.startswith("regress-"):
                f.unlink()


def directory(path):
    """site.yaml, sections in name order, offices.yaml (if any) of a dir."""
    files = {"site.yaml": (path / "site.yaml").read_bytes()}
    for f in sorted((path / "sections").glob("*.yaml")):
        files["sections/" + f.name] = f.read_bytes()
    if (path / "offices.yaml").exists():
        files["offices.yaml"] = (path / "offices.yaml").read_bytes()
    return files


def load_input(files):
    """The load target's format: site, sections..., offices (3+ pieces)."""
    sections = [v for k, v in sorted(files.items()) if k.startswith("sections/")]
    pieces = [files.get("site.yaml", b"")] + sections
    if "offices.yaml" in files:
        if len(pieces) < 2:
            pieces.append(b"")
        pieces.append(files["offices.yaml"])
    return SEP.join(p.rstrip(b"\n") + b"\n" if p else p for p in pieces)


def load_seeds():
    clear("load")
    shipped = directory(CONTENT)
    sections = [k for k in shipped if k.startswith("sections/")]
    for k in sections:
        one = {"site.yaml": shipped["site.yaml"], k: shipped[k], "offices.yaml": shipped["offices.yaml"]}
        write("load", "shipped-" + k.split("/")[1].removesuffix(".yaml"), load_input(one))
    write("load", "shipped-all", load_input(shipped))
    tiny = directory(DATA / "tiny")
    write("load", "tiny", load_input(tiny))
    for corpus in ("broken", "hostile-load"):
        for case in sorted((DATA / corpus).iterdir()):
            files = dict(tiny)
            for f in case.rglob("*"):
                if f.is_file() and f.name != "expect":
                    files[str(f.relative_to(case))] = f.read_bytes()
            write("load", corpus.split("-")[0] + "-" + case.name, load_input(files))


TEXTS = {
    "escapes": b"\x1b[31mred\x1b[0m \x1b]0;title\x07 \x9b2J \xc2\x9b2J \x7f\x00\x08\r\n\t",
    "bidi": "\u202eevil\u202c \u2066iso\u2069 \u200f\u061c".encode(),
    "marks": ("e" + "\u0301" * 40 + " \u0301 \u1100\u1161\u11a8 \u115f\u1160").encode(),
    "emoji": "👨\u200d👩\u200d👧 🇯🇵🇺 ✌\ufe0f 1\ufe0f\u20e3 👍🏽 🏴\U000e0067\U000e0062\U000e007f".encode(),
    "invalid": b"\xff\xfe \xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xf0\x9f\x98 \xe6\x97",
    "cjk": "日本語ｶﾀｶﾅ、。「」… ±×÷ ①②③ ＡＢＣ\u3000".encode(),
    "invisible": "a\u200bb\u00adc\ufeffd\u2060e\U000e0001f\ufff0g\U0010ffff".encode(),
}


def text_seeds():
    clear("text")
    for name, data in TEXTS.items():
        write("text", name, data)
    for f in sorted((CONTENT / "sections").glob("*.yaml")):
        write("text", "section-" + f.stem, f.read_bytes())


def section_texts():
    """(name, title, body) of each shipped section's languages."""
    import yaml
    for f in sorted((CONTENT / "sections").glob("*.yaml")):
        doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        for lang, body in doc["body"].items():
            yield f.stem + "-" + lang, doc["title"][lang], body


# Layout input: width byte, option byte (see fuzz-layout.c), then the text.
AMBIGUOUS, ASCII, NARROW, BELOW_ONE = 1, 2, 4, 8
LAYOUT_TEXTS = {
    "list": (39, 0, b"Intro:\n- one\n- two\ncontinued\n\n  -\tthree\n-no item\n- \n\nAfter."),
    "list-narrow": (2, NARROW | AMBIGUOUS, "- 日本 ab\n- ｶﾀ".encode()),
    "tabs": (19, 0, "a\tb\n日本\tx\nabcd\tefgh\t\t".encode()),
    "kinsoku": (7, 0, "ちょっとした工夫、バス停のベンチ。「以上」ー々ァ\n上上上」(abc(def".encode()),
    "soft-breaks": (29, 0, "climate   \n   action\n気候変動\n対策\r\n지방\r정부\u2028next\x0bvt\x0cff\xc2\x85nel".encode()),
    "urls": (11, ASCII, b"see https://example.com/a/(b)/path, www.x.org. mail: a.b+c@ex-ample.org;"),
    "width-one": (0, AMBIGUOUS, "日本 a日b ±× \U0001F1EF\U0001F1F5 e\u0301e\u0301".encode()),
    "below-one": (3, BELOW_ONE, b"abc def"),
    "doc": (24, 0, "Title\u3000タイトル\x00body\n\n- item\x00after".encode()),
}


def layout_seeds():
    clear("layout")
    for name, (width, flags, text) in LAYOUT_TEXTS.items():
        write("layout", name, bytes([width, flags]) + text)
    for name, data in TEXTS.items():
        write("layout", "hostile-" + name, bytes([5, NARROW * (len(name) % 2)]) + data)
    widths = [(79, 0), (19, AMBIGUOUS), (3, NARROW | ASCII)]
    for k, (name, title, body) in enumerate(section_texts()):
        width, flags = widths[k % len(widths)]
        write("layout", "section-" + name, bytes([width, flags]) + title.encode() + b"\x00" + body.encode())


# Fold input: query length, snippet columns (bit 7: ambiguous wide), query, text.
FOLD_CASES = {
    "fullwidth": ("cop", "ＣＯＰ28 and COP29 (cop30)"),
    "kana": ("そうる", "ソウル ﾊﾟﾘ協定 パリ"),
    "accents": ("sao paulo", "in São Paulo / Sa\u0303o Paulo"),
    "sharp-s": ("s", "Straße STRASSE ﬁnance ㎞ ①"),
    "dotted-i": ("istanbul", "İstanbul ıstanbul ISTANBUL"),
    "soft-break-cjk": ("パリ協定", "パリ\n協定 パリ\n\n協定 서울\n시"),
    "spaces": ("friends\tof", "Friends  \n of\u3000Cities\xa0here"),
    "regional": ("\U0001F1EF\U0001F1F5", "\U0001F1FA\U0001F1EF\U0001F1F5\U0001F1F8 👨\u200d👩\u200d👧"),
    "self-fffd": ("a\ufffdb", "a\x01b a\ufffdb"),
}


def fold_input(query, text, cols=40):
    return bytes([len(query), cols]) + query + text


def fold_seeds():
    clear("fold")
    for name, (query, text) in FOLD_CASES.items():
        write("fold", name, fold_input(query.encode(), text.encode()))
    write("fold", "invalid", fold_input(b"a\xffb\x1b", TEXTS["invalid"] + b"ab a\xffb", 0x80 | 8))
    for name in ("escapes", "bidi", "marks", "emoji", "invisible"):
        write("fold", "hostile-" + name, fold_input(TEXTS[name][:9], TEXTS[name], 12))
    queries = ["LGMA", "パリ協定", "cop", "the"]
    for k, (name, title, body) in enumerate(section_texts()):
        if k // 2 % 2 == k % 2:  # every section, in one of its languages
            write("fold", "section-" + name, fold_input(queries[k % len(queries)].encode(), body.encode(), 30 + k))


def app_input(config, extra, *events):
    return bytes([config, extra]) + b"".join(bytes(e) for e in events)


KEYS = b"jkhlgGfb <>qQLB?123456789/nN0"


def key(ch):
    return [0, KEYS.index(ch)]


def special(k):
    return [4, k - 1]  # APP_KEY_UP is 1


UP, DOWN, LEFT, RIGHT, PGUP, PGDN, HOME, END, ENTER, BKSP, DEL, TAB, BTAB, ESC, F1, WUP, WDN = range(1, 18)


def resize(rows, cols):
    return [7, rows - 1, (cols - 1) & 0xFF, (cols - 1) >> 8]


def click(row, col):
    return [6, row + 1, (col + 1) & 0xFF, (col + 1) >> 8]


def app_seeds():
    clear("app")
    write("app", "read-and-back", app_input(
        0, 0, key(b"1"), special(PGDN), special(PGDN), key(b"L"), special(END), special(LEFT),
        key(b"3"), [11, 20], special(HOME), key(b"h")))
    write("app", "bilingual-resize", app_input(
        0, 0, key(b"2"), key(b"B"), resize(40, 160), special(PGDN), resize(10, 61), resize(1, 1),
        resize(100, 300), key(b"L"), key(b"B"), resize(3, 8)))
    write("app", "menu-clicks", app_input(
        0, 0, click(1, 2), click(3, 5), special(TAB), click(0, 0), resize(24, 40), click(5, 1),
        [4, WDN - 1], [11, 10], special(ENTER)))
    write("app", "help", app_input(0, 0, key(b"?"), special(PGDN), [11, 5], resize(6, 20), key(b"q"), key(b"q")))
    write("app", "kiosk-reload", app_input(
        0x10 | 0x20, 1, key(b"q"), [10, 12] + list(b"\x1b[2Jreload\xff"), [9, 1], key(b"1"), [9, 2],
        [9, 3], key(b"B"), [8], [9, 0], [3, 0x18, 0, 0], [3, 0x11, 0, 0]))
    write("app", "offices-ascii-wide", app_input(
        0x01 | 0x02 | 0x40, 0, resize(30, 120), key(b"L"), key(b"7"), special(ESC), [9, 3], special(DOWN),
        [11, 12], special(ENTER)))
    write("app", "screen-reader-plain", app_input(
        0x04 | 0x08 | 0x60, 0, special(BTAB), special(UP), special(ENTER), [3, 0x00, 0xD8, 0],
        [3, 0xFF, 0xFF, 0x10], special(F1)))


def csi_keys():
    keys = [b"\x1b[A", b"\x1b[B", b"\x1bOA", b"\x1bOB", b"\x1b[5~", b"\x1b[6~", b"\x1b[H", b"\x1b[F",
            b"\x1bOH", b"\x1bOF", b"\x1bOP", b"\x1b[11~", b"\x1b[Z", b"\x1b[3~", b"\t", b"\r", b"\x7f"]
    return b"".join(keys)


TTY_TOKENS = [b"j", b"k", b"L", b"B", b"?", b"1", b"7", b"g", b"G", b" ", b"q", b"h", b"l", b"\r", b"\t",
              b"\x7f", b"\x03", b"\x1a", b"\x1c", b"\x04", b"\x00", b"\x1b", b"\x1b[A", b"\x1b[6~", b"\x1bOP",
              b"\x1b[<0;5;3M", b"\x1b[<65;1;1M", b"\x1b[M !!", b"\x1b[200~", b"\x1b[201~", "日".encode(),
              "é".encode(), "😀".encode(), "\u0301".encode(), "\u202e".encode()]


def tty_seeds():
    """Raw keyboard bytes for tty-replay (no seed holds the exit key),
    bytes that are no UTF-8 among them."""
    import random
    clear("tty")
    write("tty", "keys", b"1jjjfbL?q\x1b" + csi_keys() * 3 + b"B3GgL7\x1b[D\x1b[D" + b"Qq\x03\x1a\x1c")
    write("tty", "mouse-sgr", b"".join([
        b"\x1b[<0;10;5M\x1b[<0;10;5m", b"\x1b[<0;2;3M\x1b[<0;2;3m", b"\x1b[<64;40;10M\x1b[<65;40;10M" * 10,
        b"\x1b[<0;99999;99999M\x1b[<0;99999;99999m", b"\x1b[<0;0;0M", b"\x1b[<2;1;1M\x1b[<35;5;5M",
        b"\x1b[<0;-1;-1M", b"\x1b[<999999999999;1;1M"]))
    write("tty", "mouse-x10", b"".join(b"\x1b[M" + bytes([32 + b, x, y]) for b, x, y in
                                       [(0, 33, 34), (3, 33, 34), (64, 50, 40), (65, 255, 255), (0, 0, 0),
                                        (0, 32, 32), (96, 127, 127), (0, 200, 33)]))
    write("tty", "escape-soup", b"".join([
        b"\x1b[" + b"1;" * 500 + b"A", b"\x1b]0;title\x07", b"\x1b]52;c;" + b"A" * 300 + b"\x1b\\",
        b"\x1bP" + b"q" * 100 + b"\x1b\\", b"\x1b\x1b\x1b[", b"\x1b[200~pasted\ntext\x1b[201~",
        b"\x1b[?1049h\x1b[2J", b"\x1bO", b"\x1b[1;5A\x1b[1;2B\x1b[15;3~", b"\x1b[I\x1b[O", b"\x1b[?62;c"]))
    write("tty", "utf8", "日本語ＡＢＣ｡ｱ😀👨\u200d👩\u202e\u0301".encode() + "é".encode() * 40 + "\U0010ffff".encode())
    write("tty", "controls", bytes(c for c in range(32) if c != 0x1d) + b"\x7f" * 3)
    rng = random.Random(20261129)
    for i in range(2):
        data = b"".join(rng.choice(TTY_TOKENS) for _ in range(600))
        assert b"\x1dx\x1dy" not in data
        write("tty", "random-%d" % i, data)
    write("tty", "invalid-utf8", b"\xff")
    write("tty", "overlong", b"\xc0\xaf")
    write("tty", "surrogate", b"\xed\xa0\x80")
    write("tty", "c1-bytes", b"\x80\x81\x9b")
    write("tty", "latin1-e-acute", b"\xe9t\xe9")
    write("tty", "split-character", b"j" * 60 + "日本".encode())  # cut inside a character


if __name__ == "__main__":
    load_seeds()
    text_seeds()
    layout_seeds()
    fold_seeds()
    app_seeds()
    tty_seeds()
