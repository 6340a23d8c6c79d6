package org.ferryftp.site;

/** A named pair of local and remote directories. */
public record Bookmark(String name, String localDir, String remoteDir) {
}
