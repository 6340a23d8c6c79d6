package org.ferryftp.transfer.journal;

import org.ferryftp.fs.SiteRef;

import java.util.Optional;

/**
 * Turns a site id from the journal back into a site. The journal stores only ids, never passwords
 * or settings, so the caller (the site store) supplies the current definition.
 */
@FunctionalInterface
public interface SiteResolver {

    Optional<SiteRef> resolve(String siteId);
}
