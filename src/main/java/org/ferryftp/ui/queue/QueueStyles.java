package org.ferryftp.ui.queue;

/** CSS class names of the queue view, as used in {@code queue.css}; constants so tests and themes agree. */
public final class QueueStyles {

    public static final String STYLESHEET = "/org/ferryftp/ui/queue/queue.css";
    public static final String BUNDLE = "org.ferryftp.ui.queue.queue";

    public static final String VIEW = "queue-view";
    public static final String TABLE = "queue-table";
    public static final String DIRECTION_ICON = "queue-direction-icon";
    public static final String PROGRESS = "queue-progress";
    public static final String PROGRESS_TEXT = "queue-progress-text";
    public static final String STATUS = "queue-status";
    public static final String STATUS_FAILED = "queue-status-failed";
    public static final String STATUS_BAR = "queue-status-bar";
    public static final String STATUS_BAR_PROGRESS = "queue-status-bar-progress";
    public static final String STATUS_BAR_TEXT = "queue-status-bar-text";
    public static final String CONFLICT_DIALOG = "conflict-dialog";
    public static final String CONFLICT_FACTS = "conflict-facts";

    private QueueStyles() {
    }
}
