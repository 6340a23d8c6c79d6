"""A stand-in for a desktop file manager in .ci/os-drop-check.sh: a small GTK window whose button
drags the files named on the command line as text/uri-list over XDND, the way Nautilus, Dolphin or
Thunar offer files. Prints one line per request so the check can tell the drop target asked."""
import sys
import urllib.parse

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402

uris = ["file://" + urllib.parse.quote(path) for path in sys.argv[1:]]
window = Gtk.Window(title="ferry-drag-source")
window.set_decorated(False)
button = Gtk.Button(label="DRAG")
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()


def give(widget, context, data, info, time):
    data.set_uris(uris)
    print("drag-data-get", flush=True)


button.connect("drag-data-get", give)
button.connect("drag-end", lambda *args: print("drag-end", flush=True))
window.add(button)
window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
