package org.ferryftp.fs;

/**
 * What a site asks of transfers to it, whatever its protocol.
 *
 * @param uploadViaTempName uploads go to {@code NAME.ferry-part} first and are renamed when complete
 * @param keepTimes         transferred files keep their modification time (where the server can set it)
 */
public record SiteOptions(boolean uploadViaTempName, boolean keepTimes) {

    /** Uploads through a temporary name, times kept. */
    public static final SiteOptions DEFAULT = new SiteOptions(true, true);

    public SiteOptions withUploadViaTempName(boolean v) {
        return new SiteOptions(v, keepTimes);
    }

    public SiteOptions withKeepTimes(boolean v) {
        return new SiteOptions(uploadViaTempName, v);
    }
}
