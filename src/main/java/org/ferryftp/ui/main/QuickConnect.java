package org.ferryftp.ui.main;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.site.QuickSites;

/** Turns the quick-connect fields into an ad-hoc site; pure, so it is tested without a window. */
public final class QuickConnect {

    /** A site, or a message saying what is wrong (key into the bundle). */
    public record Result(SiteRef site, String errorKey) {
    }

    private QuickConnect() {
    }

    public static Result parse(String host, String port, String user, String password) {
        String h = host == null ? "" : host.trim();
        if (h.startsWith("ftp://")) {
            h = h.substring(6);
        }
        while (h.endsWith("/")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || h.contains(" ") || h.contains("/")) {
            return new Result(null, "quick.badHost");
        }
        int p = 21;
        String pt = port == null ? "" : port.trim();
        if (!pt.isEmpty()) {
            try {
                p = Integer.parseInt(pt);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                return new Result(null, "quick.badPort");
            }
        }
        String u = user == null || user.isBlank() ? "anonymous" : user.trim();
        Credentials c = u.equals("anonymous") && (password == null || password.isEmpty())
                ? Credentials.anonymous() : Credentials.of(u, password == null ? "" : password);
        return new Result(QuickSites.ref(SessionSettings.of(h, p, c)), null);
    }
}
