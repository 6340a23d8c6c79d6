package org.ferryftp.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on 127.0.0.1 between an FTP client and one FTP server that injects one {@link Fault}:
 * it forwards every control connection and, when it rewrites passive replies, every data connection
 * too (PASV {@code 227 (h1,h2,h3,h4,p1,p2)} and EPSV {@code 229 (|||port|)} then point at a listener
 * of the proxy that forwards to the server's data port). Active mode (PORT/EPRT) is passed through
 * unchanged, so such data connections bypass the proxy.
 *
 * <p>Deterministic: the fault fires on the first connection of its channel that would carry byte
 * number {@code afterBytes + 1} in its direction, after exactly {@code afterBytes} bytes were delivered.
 * Control replies are forwarded a line at a time (counted as delivered, i.e. after rewriting).
 * Plain FTP only: an encrypted control connection cannot be rewritten.
 */
public final class FaultProxy implements AutoCloseable {

    /** Bytes one connection carried, and whether the fault hit it. */
    public record ConnectionStats(Fault.Channel channel, int index, long toServer, long toClient, boolean faulted) {
    }

    private static final Pattern PASV = Pattern.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");
    private static final Pattern EPSV = Pattern.compile("\\(\\|\\|\\|(\\d{1,5})\\|\\)");
    private static final int ACCEPT_MILLIS = 60_000;

    private final InetSocketAddress server;
    private final Fault fault;
    private final boolean rewritePassive;
    private final ServerSocket listener;
    private final AtomicBoolean armed;
    private final AtomicInteger controlCount = new AtomicInteger();
    private final AtomicInteger dataCount = new AtomicInteger();
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final List<Closeable> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FaultProxy(InetSocketAddress server, Fault fault, boolean rewritePassive) {
        this.server = server;
        this.fault = fault;
        this.rewritePassive = rewritePassive;
        this.armed = new AtomicBoolean(!fault.equals(Fault.NONE));
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("fault-proxy-accept-" + listener.getLocalPort(), this::acceptControl);
    }

    /** Forwards control and passive data connections to {@code server}, injecting {@code fault}. */
    public static FaultProxy forwarding(InetSocketAddress server, Fault fault) {
        return new FaultProxy(server, fault, true);
    }

    /**
     * Forwards only control connections; passive replies pass unchanged, so data connections (e.g.
     * server to server in FXP) bypass the proxy.
     */
    public static FaultProxy controlOnly(InetSocketAddress server, Fault fault) {
        return new FaultProxy(server, fault, false);
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public Fault fault() {
        return fault;
    }

    /** Whether the fault has happened. */
    public boolean fired() {
        return links.stream().anyMatch(l -> l.faulted);
    }

    /** Every connection so far, control and data, in the order they were opened (per channel). */
    public List<ConnectionStats> connections() {
        return links.stream().map(l -> new ConnectionStats(l.channel, l.index, l.toServer.get(), l.toClient.get(),
                l.faulted)).toList();
    }

    @Override
    public void close() {
        closed.countDown();
        closeQuietly(listener);
        listeners.forEach(FaultProxy::closeQuietly);
        links.forEach(l -> l.closeBoth(false));
    }

    private void acceptControl() {
        while (closed.getCount() > 0) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket upstream = connect(server);
                new Link(Fault.Channel.CONTROL, controlCount.incrementAndGet(), client, upstream).start();
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** Listens for one data connection and forwards it to {@code target}; returns the port to announce. */
    private int forwardData(InetSocketAddress target) throws IOException {
        ServerSocket data = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listeners.add(data);
        data.setSoTimeout(ACCEPT_MILLIS);
        daemon("fault-proxy-data-" + data.getLocalPort(), () -> {
            try (data) {
                Socket client = data.accept();
                Socket upstream;
                try {
                    upstream = connect(target);
                } catch (IOException e) {
                    closeQuietly(client);
                    return;
                }
                new Link(Fault.Channel.DATA, dataCount.incrementAndGet(), client, upstream).start();
            } catch (IOException e) {
                // Nobody connected in time, or the proxy closed.
            }
        });
        return data.getLocalPort();
    }

    /** A passive reply pointing at one of our listeners; other lines unchanged. */
    private byte[] rewrite(byte[] line) throws IOException {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        if (text.startsWith("227 ")) {
            Matcher m = PASV.matcher(text);
            if (m.find()) {
                String host = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
                int port = Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
                int ours = forwardData(new InetSocketAddress(host, port));
                String address = host().replace('.', ',') + "," + (ours / 256) + "," + (ours % 256);
                text = text.substring(0, m.start()) + address + text.substring(m.end());
            }
        } else if (text.startsWith("229 ")) {
            Matcher m = EPSV.matcher(text);
            if (m.find()) {
                int ours = forwardData(new InetSocketAddress(server.getAddress(), Integer.parseInt(m.group(1))));
                text = text.substring(0, m.start()) + "(|||" + ours + "|)" + text.substring(m.end());
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One proxied connection: two pumps, its byte counts, and the fault when it hits here. */
    private final class Link {

        final Fault.Channel channel;
        final int index;
        final Socket client;
        final Socket upstream;
        final AtomicLong toServer = new AtomicLong();
        final AtomicLong toClient = new AtomicLong();
        final AtomicInteger openDirections = new AtomicInteger(2);
        volatile boolean faulted;
        volatile boolean stalled;
        /** Set by a clean cut: the sockets close a moment later, not when a pump stops. */
        private volatile boolean ending;

        Link(Fault.Channel channel, int index, Socket client, Socket upstream) {
            this.channel = channel;
            this.index = index;
            this.client = client;
            this.upstream = upstream;
        }

        void start() throws IOException {
            links.add(this);
            if (closed.getCount() == 0) {
                closeBoth(false);
                return;
            }
            InputStream fromClient = client.getInputStream();
            InputStream fromServer = upstream.getInputStream();
            OutputStream toServerOut = upstream.getOutputStream();
            OutputStream toClientOut = client.getOutputStream();
            String name = "fault-proxy-" + channel.name().toLowerCase() + "-" + index;
            daemon(name + "-up", () -> pump(fromClient, toServerOut, Fault.Direction.TO_SERVER, upstream, false));
            boolean lines = channel == Fault.Channel.CONTROL && rewritePassive;
            daemon(name + "-down", () -> pump(fromServer, toClientOut, Fault.Direction.TO_CLIENT, client, lines));
        }

        private void pump(InputStream in, OutputStream out, Fault.Direction direction, Socket to, boolean lines) {
            try {
                InputStream source = lines ? new BufferedInputStream(in) : in;
                byte[] buffer = new byte[16 * 1024];
                while (true) {
                    byte[] chunk;
                    int length;
                    if (lines) {
                        chunk = readLine(source);
                        if (chunk == null) {
                            break;
                        }
                        chunk = rewrite(chunk);
                        length = chunk.length;
                    } else {
                        length = source.read(buffer);
                        if (length < 0) {
                            break;
                        }
                        chunk = buffer;
                    }
                    if (!deliver(chunk, length, direction, out)) {
                        return;
                    }
                }
                if (stalled) {
                    awaitClose(); // a stalled connection passes nothing on, not even its end
                    return;
                }
                to.shutdownOutput(); // a clean end (e.g. of a data transfer) passes on as such
            } catch (IOException e) {
                if (stalled) {
                    awaitClose();
                } else if (!ending) { // after a clean cut the delayed closer closes, not a failing pump
                    closeBoth(false);
                }
            } finally {
                if (openDirections.decrementAndGet() == 0 && !ending) {
                    closeBoth(false);
                }
            }
        }

        /** Writes the chunk, or as much of it as the fault allows; false when the fault hit. */
        private boolean deliver(byte[] chunk, int length, Fault.Direction direction, OutputStream out)
                throws IOException {
            AtomicLong counter = direction == Fault.Direction.TO_SERVER ? toServer : toClient;
            if (stalled) {
                awaitClose();
                return false;
            }
            long done = counter.get();
            if (fault.channel() == channel && fault.direction() == direction && done + length > fault.afterBytes()
                    && armed.compareAndSet(true, false)) {
                int allowed = (int) Math.max(0, fault.afterBytes() - done);
                out.write(chunk, 0, allowed);
                out.flush();
                counter.addAndGet(allowed);
                faulted = true;
                switch (fault.action()) {
                    case CLOSE -> endBoth();
                    case RESET -> closeBoth(true);
                    case STALL -> {
                        stalled = true;
                        awaitClose();
                    }
                }
                return false;
            }
            out.write(chunk, 0, length);
            out.flush();
            counter.addAndGet(length);
            return true;
        }

        private void awaitClose() {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * A clean cut: FIN to both sides now, the sockets closed a moment later. Closing at once would send
         * a RST wherever unread bytes wait in our receive buffer, and a RST makes the peer's kernel drop
         * what it has received but not yet read, so the cut would not be after exactly n bytes.
         */
        void endBoth() {
            ending = true;
            for (Socket s : new Socket[] {client, upstream}) {
                try {
                    s.shutdownOutput();
                } catch (IOException e) {
                    // already closed
                }
            }
            Thread closer = new Thread(() -> {
                try {
                    // Time for the peers to read the FIN, which no event here reports; the proxy's own close
                    // ends the wait at once.
                    closed.await(1, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closeBoth(false);
            }, "fault-proxy-closer");
            closer.setDaemon(true);
            closer.start();
        }

        void closeBoth(boolean reset) {
            for (Socket s : new Socket[] {client, upstream}) {
                if (reset) {
                    try {
                        s.setSoLinger(true, 0);
                    } catch (IOException e) {
                        // already closed
                    }
                }
                closeQuietly(s);
            }
        }
    }

    /** One line including its LF, or what is left before the end of the stream; null at the end. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static Socket connect(InetSocketAddress target) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(target, 10_000);
            return s;
        } catch (IOException e) {
            closeQuietly(s);
            throw e;
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
