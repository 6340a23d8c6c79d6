package org.ferryftp.sftp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Hands MINA SSHD a connection whose bytes travel through a tunnel (a proxy). MINA opens its own sockets and has no
 * proxy support of its own in 2.x, so it connects to this loopback listener instead, and the bridge copies bytes
 * between that connection and the tunnel's socket. It takes one connection, then stops listening; when either side
 * ends, both are closed.
 */
final class TunnelBridge implements Closeable {

    private final ServerSocket listener;
    private final Socket tunnel;
    private volatile Socket accepted;

    private TunnelBridge(ServerSocket listener, Socket tunnel) {
        this.listener = listener;
        this.tunnel = tunnel;
    }

    /** Starts listening on a loopback port for the one connection to bridge to {@code tunnel}. */
    static TunnelBridge start(Socket tunnel, String name) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        TunnelBridge bridge = new TunnelBridge(listener, tunnel);
        Thread t = new Thread(() -> bridge.acceptOne(name), "ferry-tunnel-" + name);
        t.setDaemon(true);
        t.start();
        return bridge;
    }

    /** Where MINA should connect. */
    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    private void acceptOne(String name) {
        try (ServerSocket l = listener) {
            accepted = l.accept();
        } catch (IOException e) {
            close();
            return;
        }
        Socket local = accepted;
        Thread up = new Thread(() -> copy(local, tunnel), "ferry-tunnel-up-" + name);
        up.setDaemon(true);
        up.start();
        copy(tunnel, local);
    }

    private void copy(Socket from, Socket to) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other direction or the close below ends the bridge
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        closeQuietly(tunnel);
        closeQuietly(accepted);
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
