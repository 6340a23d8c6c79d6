package org.ferryftp.ui.prefs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ferryftp.site.FileActivation;
import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.site.Preferences;
import org.ferryftp.site.SiteProxy;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.vault.CredentialStore;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;

import java.io.IOException;
import java.util.Optional;

/**
 * The preferences form: the transfer defaults as editable properties, validated and saved as one
 * {@link Preferences}. A failed save leaves the previous file in place and says why.
 */
public final class PreferencesViewModel {

    /** Saves preferences; the app's is {@code PreferencesStore::save} (atomic). */
    @FunctionalInterface
    public interface Saver {
        void save(Preferences preferences) throws IOException;
    }

    private final Saver saver;
    private final IntegerProperty concurrency = new SimpleIntegerProperty();
    private final IntegerProperty maxAttempts = new SimpleIntegerProperty();
    /** Null means: ask. */
    private final ObjectProperty<ConflictChoice> conflict = new SimpleObjectProperty<>();
    private final ObjectProperty<RelayPolicy> relay = new SimpleObjectProperty<>();
    /** KiB/s as typed; empty or 0 means no limit. */
    private final StringProperty bandwidthKib = new SimpleStringProperty();
    private final StringProperty downloadKib = new SimpleStringProperty();
    private final StringProperty uploadKib = new SimpleStringProperty();
    private final BooleanProperty limitsOn = new SimpleBooleanProperty();
    private final ObjectProperty<FileActivation> fileActivation = new SimpleObjectProperty<>();
    private final BooleanProperty parentRow = new SimpleBooleanProperty();
    private final IntegerProperty historyLimit = new SimpleIntegerProperty();
    private final BooleanProperty fsync = new SimpleBooleanProperty();
    /** The program files are edited in; empty for the desktop's default. */
    private final StringProperty openWith = new SimpleStringProperty();
    /** The default proxy's kind; null for none. */
    private final ObjectProperty<ProxySettings.Type> proxyType = new SimpleObjectProperty<>();
    private final StringProperty proxyHost = new SimpleStringProperty("");
    /** As typed; empty means the kind's usual port. */
    private final StringProperty proxyPort = new SimpleStringProperty("");
    private final StringProperty proxyUser = new SimpleStringProperty("");
    private final StringProperty proxyPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** Set from the Transfer menu, not here: kept as it is. */
    private final org.ferryftp.ftp.TypeOverride transferType;
    /** Where the default proxy's password is kept; null when there is nowhere (then there is no password). */
    private final CredentialStore credentials;
    /** The stored password could not be read: an empty field then means "unchanged", never "remove it". */
    private boolean passwordUnknown;

    public PreferencesViewModel(Preferences current, Saver saver) {
        this(current, saver, null);
    }

    /** @param credentials keeps the default proxy's password (under {@link SiteSessions#DEFAULT_PROXY_KEY}) */
    public PreferencesViewModel(Preferences current, Saver saver, CredentialStore credentials) {
        this.saver = saver;
        this.credentials = credentials;
        this.transferType = current.transferType();
        SiteProxy proxy = current.defaultProxy();
        if (proxy != null) {
            proxyType.set(proxy.type());
            proxyHost.set(proxy.host());
            proxyPort.set(Integer.toString(proxy.port()));
            proxyUser.set(proxy.user());
            proxyPassword.set(proxy.user().isEmpty() ? "" : storedProxyPassword());
        }
        concurrency.set(current.concurrency());
        maxAttempts.set(current.maxAttempts());
        conflict.set(current.conflictDefault());
        relay.set(current.relay());
        bandwidthKib.set(kibText(current.bandwidthLimit()));
        downloadKib.set(kibText(current.downloadLimit()));
        uploadKib.set(kibText(current.uploadLimit()));
        limitsOn.set(current.limitsOn());
        fileActivation.set(current.fileActivation());
        parentRow.set(current.parentRow());
        historyLimit.set(current.historyLimit());
        fsync.set(current.fsync());
        openWith.set(current.openWith());
    }

    public IntegerProperty concurrency() {
        return concurrency;
    }

    public IntegerProperty maxAttempts() {
        return maxAttempts;
    }

    public ObjectProperty<ConflictChoice> conflict() {
        return conflict;
    }

    public ObjectProperty<RelayPolicy> relay() {
        return relay;
    }

    public StringProperty bandwidthKib() {
        return bandwidthKib;
    }

    /** Download limit in KiB/s as typed; empty or 0 means none. */
    public StringProperty downloadKib() {
        return downloadKib;
    }

    /** Upload limit in KiB/s as typed; empty or 0 means none. */
    public StringProperty uploadKib() {
        return uploadKib;
    }

    /** Whether the limits apply (the status bar's switch). */
    public BooleanProperty limitsOn() {
        return limitsOn;
    }

    public ObjectProperty<FileActivation> fileActivation() {
        return fileActivation;
    }

    public BooleanProperty parentRow() {
        return parentRow;
    }

    public IntegerProperty historyLimit() {
        return historyLimit;
    }

    public BooleanProperty fsync() {
        return fsync;
    }

    /** The program files are edited in (the file is its argument); empty for the desktop's default application. */
    public StringProperty openWith() {
        return openWith;
    }

    /** The default proxy's kind: null for none. */
    public ObjectProperty<ProxySettings.Type> proxyType() {
        return proxyType;
    }

    public StringProperty proxyHost() {
        return proxyHost;
    }

    /** Empty: 1080 for SOCKS, 8080 for HTTP. */
    public StringProperty proxyPort() {
        return proxyPort;
    }

    public StringProperty proxyUser() {
        return proxyUser;
    }

    /** Kept in the credential store, never in the preferences file. */
    public StringProperty proxyPassword() {
        return proxyPassword;
    }

    /** Why the last save failed (invalid input or the disk), empty when it did not. */
    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** Validates and saves; the saved preferences, or empty with {@link #error()} set. */
    public Optional<Preferences> save() {
        Preferences p;
        try {
            p = build();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
        try {
            saveProxyPassword(p.defaultProxy());
        } catch (IOException e) {
            error.set("could not keep the proxy's password in the credential store (nothing was saved): "
                    + e.getMessage());
            return Optional.empty();
        }
        try {
            saver.save(p);
        } catch (IOException e) {
            error.set("could not save the preferences (the previous ones are kept): " + e.getMessage());
            return Optional.empty();
        }
        error.set("");
        return Optional.of(p);
    }

    private Preferences build() {
        if (concurrency.get() < 1 || concurrency.get() > QueueSettings.MAX_CONCURRENCY) {
            throw new IllegalArgumentException("transfers at once must be 1 to " + QueueSettings.MAX_CONCURRENCY);
        }
        checkProgram(openWith.get());
        long limit = bytesPerSecond(bandwidthKib, "the bandwidth limit");
        long download = bytesPerSecond(downloadKib, "the download limit");
        long upload = bytesPerSecond(uploadKib, "the upload limit");
        return new Preferences(concurrency.get(), maxAttempts.get(), conflict.get(),
                relay.get() == null ? RelayPolicy.NEVER : relay.get(), limit, historyLimit.get(), fsync.get(),
                download, upload, limitsOn.get(),
                fileActivation.get() == null ? FileActivation.TRANSFER : fileActivation.get(), parentRow.get(),
                openWith.get(), defaultProxy(), transferType);
    }

    /** A path must name a program that can be run; a bare name is looked up on the PATH when a file is opened. */
    private static void checkProgram(String program) {
        String p = program == null ? "" : program.strip();
        if (p.contains("\n") || p.contains("\r")) {
            throw new IllegalArgumentException("the program to open files with must be one line");
        }
        if (p.contains("/") || p.contains(java.io.File.separator)) {
            java.nio.file.Path path = java.nio.file.Path.of(p);
            if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.isExecutable(path)) {
                throw new IllegalArgumentException("\"" + p + "\" is not a program that can be run (open files"
                        + " with: empty for the desktop's default)");
            }
        }
    }

    private SiteProxy defaultProxy() {
        ProxySettings.Type type = proxyType.get();
        if (type == null) {
            return null;
        }
        String host = proxyHost.get() == null ? "" : proxyHost.get().strip();
        if (host.isEmpty() || host.contains(" ") || host.contains("/")) {
            throw new IllegalArgumentException("the default proxy needs a host name or address");
        }
        String port = proxyPort.get() == null ? "" : proxyPort.get().strip();
        int number;
        try {
            number = port.isEmpty() ? SiteProxy.defaultPort(type) : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("the default proxy's port must be a number from 1 to 65535, not \""
                    + port + "\"");
        }
        return new SiteProxy(type, host, number, proxyUser.get() == null ? "" : proxyUser.get().strip());
    }

    private String storedProxyPassword() {
        if (credentials == null) {
            return "";
        }
        try {
            return credentials.get(SiteSessions.DEFAULT_PROXY_KEY).orElse("");
        } catch (IOException e) {
            error.set("the default proxy's password could not be read: " + e.getMessage());
            passwordUnknown = true;
            return "";
        }
    }

    /** The password goes with a login; without a proxy or a login, none is kept. */
    private void saveProxyPassword(SiteProxy proxy) throws IOException {
        if (credentials == null) {
            return;
        }
        String pw = proxy == null || proxy.user().isEmpty() || proxyPassword.get() == null ? "" : proxyPassword.get();
        if (pw.isEmpty() && passwordUnknown && proxy != null && !proxy.user().isEmpty()) {
            return; // not read, not typed: the stored one stays
        }
        if (pw.isEmpty()) {
            credentials.remove(SiteSessions.DEFAULT_PROXY_KEY);
        } else {
            credentials.put(SiteSessions.DEFAULT_PROXY_KEY, pw);
        }
    }

    private static String kibText(long bytesPerSecond) {
        return bytesPerSecond == 0 ? "" : Long.toString(bytesPerSecond / 1024);
    }

    private static long bytesPerSecond(StringProperty kib, String what) {
        String text = kib.get() == null ? "" : kib.get().strip();
        long limit;
        try {
            limit = text.isEmpty() ? 0 : Math.multiplyExact(Long.parseLong(text), 1024);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(what + " must be a whole number of KiB/s (empty or 0: none), not \""
                    + text + "\"");
        }
        if (limit < 0) {
            throw new IllegalArgumentException(what + " cannot be negative");
        }
        return limit;
    }
}
