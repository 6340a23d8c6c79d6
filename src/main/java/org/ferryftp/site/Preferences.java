package org.ferryftp.site;

import org.ferryftp.ftp.TypeOverride;

import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;

/**
 * The user's defaults for transfers.
 *
 * @param concurrency     transfers at once (1..16)
 * @param maxAttempts     attempts per file before it fails
 * @param conflictDefault what to do when a target exists; null means ask
 * @param relay           whether site-to-site copies may pass through Ferry
 * @param bandwidthLimit  bytes per second for all transfers together, 0 for no limit
 * @param historyLimit    finished items kept in the queue's history
 * @param fsync           force downloads to disk before they appear under their name
 * @param downloadLimit   bytes per second for all downloads together, 0 for no limit
 * @param uploadLimit     bytes per second for all uploads together, 0 for no limit
 * @param limitsOn        whether the three limits apply (the status bar's switch, as in FileZilla)
 * @param fileActivation  what a double click or Enter on a file does
 * @param parentRow       whether a ".." row heads every listing
 * @param openWith        the program files are edited in (given the file as its one argument); empty for the
 *                        desktop's default application for the file's type
 * @param defaultProxy    the proxy of sites set to "the default" and of quick connections, null for none; its
 *                        password is in the credential store under {@link SiteSessions#DEFAULT_PROXY_KEY}
 * @param transferType    Transfer → Transfer type: every FTP transfer in ASCII or binary, or each site's own (auto)
 */
public record Preferences(int concurrency, int maxAttempts, ConflictChoice conflictDefault, RelayPolicy relay,
                          long bandwidthLimit, int historyLimit, boolean fsync, long downloadLimit, long uploadLimit,
                          boolean limitsOn, FileActivation fileActivation, boolean parentRow, String openWith,
                          SiteProxy defaultProxy, TypeOverride transferType) {

    public static final Preferences DEFAULTS = new Preferences(2, 5, null, RelayPolicy.NEVER, 0, 10_000, false);

    /** The transfer settings alone; the speed limits per direction off, the browser as FileZilla's. */
    public Preferences(int concurrency, int maxAttempts, ConflictChoice conflictDefault, RelayPolicy relay,
                       long bandwidthLimit, int historyLimit, boolean fsync) {
        this(concurrency, maxAttempts, conflictDefault, relay, bandwidthLimit, historyLimit, fsync, 0, 0, true,
                FileActivation.TRANSFER, true, "", null, TypeOverride.AUTO);
    }

    /** Files edited in the desktop's default application; no default proxy. */
    public Preferences(int concurrency, int maxAttempts, ConflictChoice conflictDefault, RelayPolicy relay,
                       long bandwidthLimit, int historyLimit, boolean fsync, long downloadLimit, long uploadLimit,
                       boolean limitsOn, FileActivation fileActivation, boolean parentRow) {
        this(concurrency, maxAttempts, conflictDefault, relay, bandwidthLimit, historyLimit, fsync, downloadLimit,
                uploadLimit, limitsOn, fileActivation, parentRow, "", null, TypeOverride.AUTO);
    }

    /** Each site's own transfer type. */
    public Preferences(int concurrency, int maxAttempts, ConflictChoice conflictDefault, RelayPolicy relay,
                       long bandwidthLimit, int historyLimit, boolean fsync, long downloadLimit, long uploadLimit,
                       boolean limitsOn, FileActivation fileActivation, boolean parentRow, String openWith,
                       SiteProxy defaultProxy) {
        this(concurrency, maxAttempts, conflictDefault, relay, bandwidthLimit, historyLimit, fsync, downloadLimit,
                uploadLimit, limitsOn, fileActivation, parentRow, openWith, defaultProxy, TypeOverride.AUTO);
    }

    public Preferences {
        if (concurrency < 1 || concurrency > QueueSettings.MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be 1.." + QueueSettings.MAX_CONCURRENCY);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("attempts must be 1..100");
        }
        if (bandwidthLimit < 0 || historyLimit < 0 || downloadLimit < 0 || uploadLimit < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
        if (relay == null) {
            throw new IllegalArgumentException("relay policy missing");
        }
        if (fileActivation == null) {
            throw new IllegalArgumentException("file activation missing");
        }
        transferType = transferType == null ? TypeOverride.AUTO : transferType;
        openWith = openWith == null ? "" : openWith.strip();
        if (openWith.contains("\n") || openWith.contains("\r")) {
            throw new IllegalArgumentException("the program to open files with must be one line");
        }
    }

    /** The same preferences with the speed limits switched on or off. */
    public Preferences withLimitsOn(boolean on) {
        return toBuilder().limitsOn(on).build();
    }

    /** The same preferences with another default for conflicts (null: ask). */
    public Preferences withConflictDefault(ConflictChoice choice) {
        return toBuilder().conflictDefault(choice).build();
    }

    /** The same preferences with another default proxy (null: none). */
    public Preferences withDefaultProxy(SiteProxy proxy) {
        return toBuilder().defaultProxy(proxy).build();
    }

    /** The same preferences with another transfer type for all FTP transfers. */
    public Preferences withTransferType(TypeOverride type) {
        return toBuilder().transferType(type).build();
    }

    /** A builder that starts from these preferences, for changing some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Preferences changed field by field; {@link #build()} checks them as the record does. */
    public static final class Builder {
        private int concurrency;
        private int maxAttempts;
        private ConflictChoice conflictDefault;
        private RelayPolicy relay;
        private long bandwidthLimit;
        private int historyLimit;
        private boolean fsync;
        private long downloadLimit;
        private long uploadLimit;
        private boolean limitsOn;
        private FileActivation fileActivation;
        private boolean parentRow;
        private String openWith;
        private SiteProxy defaultProxy;
        private TypeOverride transferType;

        private Builder(Preferences p) {
            concurrency = p.concurrency;
            maxAttempts = p.maxAttempts;
            conflictDefault = p.conflictDefault;
            relay = p.relay;
            bandwidthLimit = p.bandwidthLimit;
            historyLimit = p.historyLimit;
            fsync = p.fsync;
            downloadLimit = p.downloadLimit;
            uploadLimit = p.uploadLimit;
            limitsOn = p.limitsOn;
            fileActivation = p.fileActivation;
            parentRow = p.parentRow;
            openWith = p.openWith;
            defaultProxy = p.defaultProxy;
            transferType = p.transferType;
        }

        public Builder concurrency(int value) {
            concurrency = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        /** Null means ask. */
        public Builder conflictDefault(ConflictChoice value) {
            conflictDefault = value;
            return this;
        }

        public Builder relay(RelayPolicy value) {
            relay = value;
            return this;
        }

        public Builder bandwidthLimit(long value) {
            bandwidthLimit = value;
            return this;
        }

        public Builder historyLimit(int value) {
            historyLimit = value;
            return this;
        }

        public Builder fsync(boolean value) {
            fsync = value;
            return this;
        }

        public Builder downloadLimit(long value) {
            downloadLimit = value;
            return this;
        }

        public Builder uploadLimit(long value) {
            uploadLimit = value;
            return this;
        }

        public Builder limitsOn(boolean value) {
            limitsOn = value;
            return this;
        }

        public Builder fileActivation(FileActivation value) {
            fileActivation = value;
            return this;
        }

        public Builder parentRow(boolean value) {
            parentRow = value;
            return this;
        }

        public Builder openWith(String value) {
            openWith = value;
            return this;
        }

        /** Null for none. */
        public Builder defaultProxy(SiteProxy value) {
            defaultProxy = value;
            return this;
        }

        public Builder transferType(TypeOverride value) {
            transferType = value;
            return this;
        }

        /** @throws IllegalArgumentException as the record's constructor */
        public Preferences build() {
            return new Preferences(concurrency, maxAttempts, conflictDefault, relay, bandwidthLimit, historyLimit,
                    fsync, downloadLimit, uploadLimit, limitsOn, fileActivation, parentRow, openWith, defaultProxy,
                    transferType);
        }
    }

    /** The limit in force for all transfers together: 0 while the limits are switched off. */
    public long effectiveTotalLimit() {
        return limitsOn ? bandwidthLimit : 0;
    }

    public long effectiveDownloadLimit() {
        return limitsOn ? downloadLimit : 0;
    }

    public long effectiveUploadLimit() {
        return limitsOn ? uploadLimit : 0;
    }

    /** True when some limit is set (whether or not switched on). */
    public boolean hasLimits() {
        return bandwidthLimit > 0 || downloadLimit > 0 || uploadLimit > 0;
    }

    /** True when conflicts are decided by asking the user. */
    public boolean asksOnConflict() {
        return conflictDefault == null;
    }

    /** The queue settings these preferences call for. */
    public QueueSettings queueSettings() {
        return new QueueSettings(concurrency, maxAttempts, QueueSettings.DEFAULT.keepAlive(),
                QueueSettings.DEFAULT.idleTimeout(), historyLimit, fsync, relay);
    }
}
