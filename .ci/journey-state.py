"""Reads the state dump that Ferry writes under FERRY_STATE_DUMP (app/StateDump.java) for .ci/gui-journey.sh.

    journey-state.py FILE get EXPR                 prints EXPR's value once
    journey-state.py FILE wait SECONDS EXPR        waits until EXPR is true (re-reading the dump as it
                                                   changes), prints its value; exits 1 with the last dump's
                                                   summary when it stays false
EXPR is Python over the dump: d (the whole dump), left, right (the panes), and the helpers below. A value
that is a control or row prints as "x y" (its centre on the screen), for xdotool.
"""
import json
import os
import sys
import time


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def helpers(d):
    def pane(side):
        return d[side]

    def row(side, name):
        """The row called name in a pane's table, when it is on the screen."""
        for r in d[side]["rows"]:
            if r["name"] == name and r["x"] >= 0:
                return r
        return None

    def controls(main=None):
        for w in d["windows"]:
            if main is None or w["main"] == main:
                for c in w["controls"]:
                    yield w, c

    def ctl(ident, main=None):
        """A control by id, in the main window (main=True), a dialog (False) or any."""
        for _, c in controls(main):
            if c["id"] == ident and c["width"] > 0:
                return c
        return None

    def button(text, main=False):
        """A button by its text (mnemonic underscores ignored), in a dialog unless main=True."""
        for _, c in controls(main):
            if c["type"].endswith("Button") and (c["text"] or "").replace("_", "") == text:
                return c
        return None

    def dialog(part):
        """The title of the open dialog whose title contains part."""
        return next((t for t in d["dialogs"] if t and part in t), None)

    def items(**match):
        """Queue items whose fields equal the given values (a field ending in _has: contains)."""
        out = []
        for i in d["queue"]:
            ok = True
            for k, v in match.items():
                if k.endswith("_has"):
                    ok = ok and v in (i[k[:-4]] or "")
                else:
                    ok = ok and i[k] == v
            if ok:
                out.append(i)
        return out

    def names(side):
        return [r["name"] for r in d[side]["rows"]]

    return dict(d=d, left=d["left"], right=d["right"], pane=pane, row=row, ctl=ctl, button=button,
                dialog=dialog, items=items, names=names, size=size)


UNITS = {"B": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3, "TiB": 1024 ** 4,
         "kB": 1000, "KB": 1000, "MB": 1000 ** 2, "GB": 1000 ** 3, "TB": 1000 ** 4}


def size(text):
    """Bytes in a size as the window writes it ("17.2 MiB", "391 KiB", "6 B")."""
    number, unit = text.strip().replace("\u00a0", " ").replace("\u202f", " ").rsplit(" ", 1)
    return float(number.replace(",", ".")) * UNITS[unit]


def show(value):
    if isinstance(value, dict) and "x" in value and "y" in value:
        return "%d %d" % (value["x"], value["y"])
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def summary(d):
    if d is None:
        return "no state dump yet"
    parts = ["seq %s" % d["seq"], "dialogs %s" % d["dialogs"], "status %r" % d["status"]]
    for side in ("left", "right"):
        p = d[side]
        parts.append("%s: %s %s%s%s" % (side, p["source"], p["path"], " busy" if p["busy"] else "",
                                        " error %r" % p["error"] if p["error"] else ""))
    parts.append("queue: %s" % ["%s %s %s %s/%s" % (i["direction"], os.path.basename(i["source"]), i["state"],
                                                     i["bytesDone"], i["size"]) for i in d["queue"]])
    return "; ".join(parts)


def evaluate(d, expr):
    try:
        return eval(expr, {}, helpers(d))  # noqa: S307 - the journey script's own expressions
    except (KeyError, TypeError, IndexError, AttributeError):
        return None


def main():
    path, command = sys.argv[1], sys.argv[2]
    if command == "get":
        print(show(evaluate(load(path), sys.argv[3])))
        return 0
    if command == "wait":
        deadline = time.monotonic() + float(sys.argv[3])
        expr = sys.argv[4]
        d = None
        while True:
            d = load(path)
            value = evaluate(d, expr) if d is not None else None
            if value:
                print(show(value))
                return 0
            if time.monotonic() > deadline:
                print("timed out waiting for: %s\n  window: %s" % (expr, summary(d)), file=sys.stderr)
                return 1
            time.sleep(0.05)
    if command == "summary":
        print(summary(load(path)))
        return 0
    print("usage: journey-state.py FILE get EXPR | wait SECONDS EXPR | summary", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
