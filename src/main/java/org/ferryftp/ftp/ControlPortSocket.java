package org.ferryftp.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * A connected data socket that reports the control connection's port as its peer port.
 *
 * <p>Why: JSSE looks up the TLS session to resume by the layered socket's peer host and port, so a
 * data connection (on another port) would never resume the control connection's session, and
 * servers with {@code require_ssl_reuse} (vsftpd's default, FileZilla Server) answer 522. Reporting
 * the control port makes JSSE offer the control session, without reflection or {@code --add-opens}.
 * Everything else goes straight to the real socket.
 */
final class ControlPortSocket extends Socket {

    private final Socket real;
    private final int reportedPort;

    ControlPortSocket(Socket real, int reportedPort) {
        this.real = real;
        this.reportedPort = reportedPort;
    }

    Socket real() {
        return real;
    }

    @Override
    public int getPort() {
        return reportedPort;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return real.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return real.getOutputStream();
    }

    @Override
    public synchronized void close() throws IOException {
        real.close();
    }

    @Override
    public boolean isConnected() {
        return real.isConnected();
    }

    @Override
    public boolean isBound() {
        return real.isBound();
    }

    @Override
    public boolean isClosed() {
        return real.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return real.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return real.isOutputShutdown();
    }

    @Override
    public void shutdownInput() throws IOException {
        real.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        real.shutdownOutput();
    }

    @Override
    public InetAddress getInetAddress() {
        return real.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return real.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return real.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return real.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return real.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        real.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return real.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        real.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return real.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        real.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return real.getSoLinger();
    }

    @Override
    public synchronized void setSendBufferSize(int size) throws SocketException {
        real.setSendBufferSize(size);
    }

    @Override
    public synchronized int getSendBufferSize() throws SocketException {
        return real.getSendBufferSize();
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        real.setReceiveBufferSize(size);
    }

    @Override
    public synchronized int getReceiveBufferSize() throws SocketException {
        return real.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        real.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return real.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        real.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return real.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        real.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return real.getReuseAddress();
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        real.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return real.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return real.supportedOptions();
    }

    @Override
    public String toString() {
        return real + " (as port " + reportedPort + ")";
    }
}
