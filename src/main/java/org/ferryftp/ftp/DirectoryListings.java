package org.ferryftp.ftp;

import org.ferryftp.ftp.listing.ListingBatcher;
import org.ferryftp.session.ListingSink;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferType;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's directory listings: MLSD when advertised (until the server refuses it), else LIST, and the
 * raw lines of any listing verb. Used under the session's lock only.
 *
 * <p>A missing directory is an error, never an empty listing: servers differ (vsftpd sends 150, no data, then
 * "226 Transfer done (but failed to open directory)"; others 450 or 550, for several reasons), so a listing
 * that brought nothing or was refused is followed by a {@link DirectoryProbe}. Listings with entries cost
 * nothing extra.
 */
final class DirectoryListings {

    private static final long MAX_LISTING_BYTES = 512L << 20;

    private final SessionSettings settings;
    private final RepresentationNegotiator negotiator;
    private final DataTransfers transfers;
    private final DirectoryProbe probe;
    private final ServerExtensions extensions;

    DirectoryListings(SessionSettings settings, RepresentationNegotiator negotiator, DataTransfers transfers,
                      DirectoryProbe probe, ServerExtensions extensions) {
        this.extensions = extensions;
        this.settings = settings;
        this.negotiator = negotiator;
        this.transfers = transfers;
        this.probe = probe;
    }

    /**
     * Streams a listing into {@code sink}; {@code system} gives the SYST reply that tells LIST formats
     * apart, asked only when LIST is used.
     */
    void list(String path, ListingSink sink, Features features, SessionLock.Op<String> system) throws FtpException {
        boolean[] listed = {false};
        checked(path, features, () -> {
            listAny(path, batch -> {
                listed[0] |= !batch.entries().isEmpty() || !batch.unparsed().isEmpty();
                return sink.accept(batch);
            }, features, system);
            return null;
        });
        if (!listed[0]) {
            probe.require(path, features);
        }
    }

    private void listAny(String path, ListingSink sink, Features features, SessionLock.Op<String> system)
            throws FtpException {
        if (features.supportsMachineListing() && !extensions.refused("MLSD")) {
            try {
                streamLines("MLSD", path, ListingBatcher.mlsd(sink), features);
                return;
            } catch (FtpRefusedException e) {
                if (e.reply().code() == 501 && !e.isConnectionBroken()) {
                    probe.require(path, features); // 501 may mean a bad path (MINA): only a real directory tells
                }
                if (!extensions.withdrawIfNotImplemented("MLSD", e.reply(), "LIST lists directories")) {
                    throw e;
                }
            }
        }
        streamLines("LIST", path, ListingBatcher.list(system.run(), sink), features);
    }

    private void streamLines(String verb, String path, ListingBatcher batcher, Features features)
            throws FtpException {
        Representation r = settings.representation();
        negotiator.applyForListing(r, features);
        Charset cs = r.type() == TransferType.EBCDIC ? r.ebcdicCodePage() : settings.charset().charset();
        transfers.fetchLines(verb, path, r, features, new ListingLines(cs, batcher, MAX_LISTING_BYTES, verb));
    }

    /** The non-empty lines of a listing (LIST, NLST, MLSD), read whole. */
    List<String> fetchLines(String verb, String path, Features features) throws FtpException {
        List<String> lines = checked(path, features, () -> fetchAll(verb, path, features));
        if (lines.isEmpty()) {
            probe.require(path, features);
        }
        return lines;
    }

    /** Runs a listing; when the server refuses it because the directory is missing, says so. */
    private <T> T checked(String path, Features features, SessionLock.Op<T> listing) throws FtpException {
        try {
            return listing.run();
        } catch (NoSuchDirectoryException e) {
            throw e;
        } catch (FtpRefusedException refused) {
            if (refused.isConnectionBroken()) {
                throw refused;
            }
            try {
                probe.require(path, features);
            } catch (NoSuchDirectoryException missing) {
                throw missing;
            } catch (FtpRefusedException probeRefused) {
                // The probe could not tell either; the listing's own refusal says most.
            }
            throw refused;
        }
    }

    private List<String> fetchAll(String verb, String path, Features features) throws FtpException {
        Representation r = settings.representation();
        negotiator.applyForListing(r, features);
        byte[] data = transfers.fetch(verb, path, r, features, MAX_LISTING_BYTES);
        Charset cs = r.type() == TransferType.EBCDIC ? r.ebcdicCodePage() : settings.charset().charset();
        return lines(new String(data, cs));
    }

    /** The non-empty lines of a whole listing: they end at LF or NEL, and a trailing CR is dropped. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n|\u0085", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }
}
