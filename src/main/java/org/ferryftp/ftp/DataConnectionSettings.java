package org.ferryftp.ftp;

import java.util.Objects;

/**
 * Data connection preferences.
 *
 * @param mode                  passive, active or the RFC 959 default data port
 * @param preferEpsv            passive: send EPSV first when the server advertises it
 * @param usePasvAddress        passive: connect to the address in the PASV reply instead of the control peer
 *                              (off by default: a hostile server could point Ferry at another host)
 * @param activeBindAddress     active: local address to listen on, or null for the control connection's
 * @param activePortMin         active: lowest local port to listen on, 0 for any
 * @param activePortMax         active: highest local port to listen on, 0 for any
 * @param activeExternalAddress active: address to announce in PORT/EPRT (behind NAT), or null
 * @param preferEprt            active: send EPRT on IPv4 too (always on IPv6)
 */
public record DataConnectionSettings(DataConnectionMode mode, boolean preferEpsv, boolean usePasvAddress,
                                     String activeBindAddress, int activePortMin, int activePortMax,
                                     String activeExternalAddress, boolean preferEprt) {

    public static final DataConnectionSettings PASSIVE =
            new DataConnectionSettings(DataConnectionMode.PASSIVE, true, false, null, 0, 0, null, false);
    public static final DataConnectionSettings ACTIVE = PASSIVE.withMode(DataConnectionMode.ACTIVE);

    public DataConnectionSettings {
        Objects.requireNonNull(mode, "mode");
        if (activePortMin < 0 || activePortMax > 65535 || activePortMin > activePortMax) {
            throw new IllegalArgumentException("active port range must be within 0..65535 and min <= max");
        }
    }

    public DataConnectionSettings withMode(DataConnectionMode m) {
        return new DataConnectionSettings(m, preferEpsv, usePasvAddress, activeBindAddress, activePortMin,
                activePortMax, activeExternalAddress, preferEprt);
    }

    public DataConnectionSettings withPreferEpsv(boolean b) {
        return new DataConnectionSettings(mode, b, usePasvAddress, activeBindAddress, activePortMin,
                activePortMax, activeExternalAddress, preferEprt);
    }

    public DataConnectionSettings withUsePasvAddress(boolean b) {
        return new DataConnectionSettings(mode, preferEpsv, b, activeBindAddress, activePortMin,
                activePortMax, activeExternalAddress, preferEprt);
    }

    public DataConnectionSettings withActive(String bindAddress, int portMin, int portMax, String externalAddress) {
        return new DataConnectionSettings(mode, preferEpsv, usePasvAddress, bindAddress, portMin, portMax,
                externalAddress, preferEprt);
    }

    public DataConnectionSettings withPreferEprt(boolean b) {
        return new DataConnectionSettings(mode, preferEpsv, usePasvAddress, activeBindAddress, activePortMin,
                activePortMax, activeExternalAddress, b);
    }
}
