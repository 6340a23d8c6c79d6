package org.ferryftp.ui.edit;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.ferryftp.fs.TextPages;
import org.ferryftp.ui.Messages;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * The quick viewer's state for a text file: the page shown (a page at a time, see {@link TextPages}), the charset
 * it is read in (the user may change it), and a line saying where in the file it is.
 */
public final class ViewerViewModel {

    private final TextPages pages;
    private final Messages msg;
    private final long pageCount;
    private final ObjectProperty<Charset> charset;
    private final ReadOnlyLongWrapper page = new ReadOnlyLongWrapper(this, "page", 0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public ViewerViewModel(Path file, int pageBytes, Charset initial, Messages msg) throws IOException {
        this.pages = new TextPages(file, pageBytes);
        this.msg = msg;
        this.pageCount = pages.pageCount();
        this.charset = new SimpleObjectProperty<>(this, "charset", initial);
        charset.addListener((o, a, c) -> load());
        load();
    }

    public ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** "Page 3 of 16,384". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Why the page could not be read, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public long pageCount() {
        return pageCount;
    }

    public void next() {
        goTo(page.get() + 1);
    }

    public void previous() {
        goTo(page.get() - 1);
    }

    public void first() {
        goTo(0);
    }

    public void last() {
        goTo(pageCount - 1);
    }

    public void goTo(long p) {
        long clamped = Math.max(0, Math.min(pageCount - 1, p));
        if (clamped != page.get()) {
            page.set(clamped);
            load();
        }
    }

    private void load() {
        try {
            text.set(pages.page(page.get(), charset.get()));
            error.set("");
        } catch (IOException e) {
            text.set("");
            error.set(msg.format("viewer.readFailed", e.getMessage()));
        }
        position.set(msg.format("viewer.position", page.get() + 1, pageCount));
    }
}
