package org.ferryftp.ui.edit;

import org.ferryftp.fs.ConfigProperties;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/** The remembered choice to upload saved files without being asked, in {@code edit.properties}. */
public final class EditChoices {

    private static final String AUTO_UPLOAD = "upload.withoutAsking";

    private final ConfigProperties file;
    private final Consumer<String> log;
    private volatile boolean autoUpload;

    /** @param log receives a line when the file cannot be read or written, or had damaged lines */
    public EditChoices(Path file, Consumer<String> log) {
        this.file = new ConfigProperties(file, "the edit settings", "Ferry: editing remote files",
                (k, v) -> k.equals(AUTO_UPLOAD) && (v.equals("true") || v.equals("false")) ? null
                        : "not upload.withoutAsking=true or false", Clock.systemUTC());
        this.log = log;
        try {
            ConfigProperties.Read read = this.file.read();
            read.problem().ifPresent(log);
            autoUpload = Boolean.parseBoolean(read.entries().get(AUTO_UPLOAD));
        } catch (IOException e) {
            log.accept("the edit settings " + file + " could not be read (" + e.getMessage() + "); they are ignored");
        }
    }

    public boolean autoUpload() {
        return autoUpload;
    }

    public void setAutoUpload(boolean on) {
        autoUpload = on;
        try {
            file.update(lines -> lines.put(AUTO_UPLOAD, Boolean.toString(on))).problem().ifPresent(log);
        } catch (IOException e) {
            log.accept("the edit settings " + file.file() + " could not be written (" + e.getMessage() + ")");
        }
    }
}
