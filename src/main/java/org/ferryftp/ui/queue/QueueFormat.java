package org.ferryftp.ui.queue;

import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.TransferDirection;
import org.ferryftp.ui.Sizes;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/** Turns sizes, speeds, times and states into text from the queue's resource bundle. */
public final class QueueFormat {

    private final ResourceBundle bundle;
    private final Locale locale;

    public QueueFormat(ResourceBundle bundle) {
        this.bundle = bundle;
        this.locale = bundle.getLocale() == null ? Locale.getDefault() : bundle.getLocale();
    }

    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** 1536 → "1.5 KiB"; unknown (negative) → empty ({@link Sizes}, as in the panes). */
    public String size(long bytes) {
        return Sizes.format(bytes, locale);
    }

    /**
     * The progress column's text: "42 %" when the size is known; the bytes moved so far when it is not (a server
     * without SIZE), as there is no total to show; empty before any.
     */
    public String progress(org.ferryftp.transfer.ItemSnapshot item) {
        double f = item.directory() ? -1 : item.fraction();
        if (f >= 0) {
            return Math.round(f * 100) + " %";
        }
        return item.directory() || item.bytesDone() <= 0 ? "" : size(item.bytesDone());
    }

    public String speed(double bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : text("queue.speed", size(Math.round(bytesPerSecond)));
    }

    /** "1:05:09", "4:02" or empty when unknown. */
    public String eta(Duration eta) {
        if (eta == null || eta.isNegative()) {
            return "";
        }
        long s = eta.toSeconds();
        return s >= 3600 ? String.format(locale, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(locale, "%d:%02d", s / 60, s % 60);
    }

    /** The state's short label: "Failed", "Running", ... */
    public String state(ItemState state) {
        return text("queue.state." + state.getClass().getSimpleName().toLowerCase(Locale.ROOT));
    }

    /** The reason of a failed or skipped item, or null. */
    public static String reason(ItemState state) {
        if (state instanceof ItemState.Failed f) {
            return f.reason();
        }
        if (state instanceof ItemState.Skipped s) {
            return s.reason();
        }
        return null;
    }

    /**
     * Everything the item has to say: the reason it failed or was skipped, and its note (e.g. that a partial
     * file was started over), one per line; null when there is nothing.
     */
    public static String details(ItemSnapshot item) {
        String reason = reason(item.state());
        if (item.note() == null) {
            return reason;
        }
        return reason == null ? item.note() : reason + "\n" + item.note();
    }

    /** The status column: state, and the reason when there is one. */
    public String status(ItemState state) {
        String reason = reason(state);
        return reason == null ? state(state) : text("queue.status.reason", state(state), reason);
    }

    /** The kind as text with its sites: "Download from A", "Upload to B", "FXP A → B", "Relay A → B". */
    public String kind(org.ferryftp.transfer.ItemSnapshot s) {
        String key = "queue.kind." + s.direction().name().toLowerCase(Locale.ROOT);
        return switch (s.direction()) {
            case DOWNLOAD -> text(key, s.source().site().name());
            case UPLOAD -> text(key, s.target().site().name());
            case SITE_TO_SITE, RELAY -> text(key, s.source().site().name(), s.target().site().name());
        };
    }

    public String direction(TransferDirection d) {
        return text("queue.direction." + d.name().toLowerCase(Locale.ROOT));
    }
}
