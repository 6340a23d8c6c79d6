package org.ferryftp.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare control connection for tests that need what FTPClient hides: exact reply bytes, commands sent without
 * waiting for their reply, or a control socket with a chosen local port (RFC 959 default data port).
 */
final class RawFtpControl implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawFtpControl(int port) throws IOException {
        this(new Socket(), port);
    }

    /** Connects an unconnected socket the caller prepared (bound, with options set). */
    RawFtpControl(Socket unconnected, int port) throws IOException {
        socket = unconnected;
        socket.setSoTimeout(5_000);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Reads the greeting and logs in as ferry/secret with the PASSWORD script. */
    RawFtpControl login() throws IOException {
        readReply();
        expect("331", "USER ferry");
        expect("230", "PASS secret");
        return this;
    }

    void send(String line) throws IOException {
        sendBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends a command and returns its complete (possibly multi-line) reply. */
    String command(String line) throws IOException {
        send(line);
        return readReply();
    }

    String expect(String code, String line) throws IOException {
        String reply = command(line);
        if (!reply.startsWith(code)) {
            throw new AssertionError(line + " answered " + reply + ", expected " + code);
        }
        return reply;
    }

    /** One reply: a single line, or everything from "ddd-" up to the line starting "ddd ". */
    String readReply() throws IOException {
        String first = readLine();
        StringBuilder reply = new StringBuilder(first);
        if (first.length() >= 4 && first.charAt(3) == '-') {
            String end = first.substring(0, 3) + " ";
            String line;
            do {
                line = readLine();
                reply.append('\n').append(line);
            } while (!line.startsWith(end));
        }
        return reply.toString();
    }

    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed after: " + line.toString(StandardCharsets.UTF_8));
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    byte[] readBytes(int count) throws IOException {
        return in.readNBytes(count);
    }

    /** -1 once the server has closed the connection. */
    int read() throws IOException {
        return in.read();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
