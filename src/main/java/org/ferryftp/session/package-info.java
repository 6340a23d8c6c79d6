/**
 * What every remote session has in common, whatever its protocol: below {@code ftp} and {@code sftp}, above
 * nothing of Ferry's.
 */
package org.ferryftp.session;
