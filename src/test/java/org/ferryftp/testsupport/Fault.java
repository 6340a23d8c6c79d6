package org.ferryftp.testsupport;

import java.util.Objects;

/**
 * What a {@link FaultProxy} does to one connection, once per proxy: after exactly {@code afterBytes}
 * bytes have been delivered in {@code direction} on the first {@code channel} connection that carries
 * more, it cuts that connection or stalls it.
 *
 * @param channel    the control connection or a (passive) data connection
 * @param direction  which way the counted bytes flow
 * @param afterBytes bytes delivered before the fault; the next byte never arrives
 * @param action     what happens then
 */
public record Fault(Channel channel, Direction direction, long afterBytes, Action action) {

    public enum Channel { CONTROL, DATA }

    public enum Direction { TO_SERVER, TO_CLIENT }

    public enum Action {
        /** Closes both sockets (FIN to each side). */
        CLOSE,
        /** Closes both sockets with SO_LINGER 0, so each side gets a TCP reset. */
        RESET,
        /** Stops forwarding both ways and keeps both sockets open until the proxy closes. */
        STALL
    }

    /** A proxy that only forwards. */
    public static final Fault NONE = new Fault(Channel.CONTROL, Direction.TO_SERVER, Long.MAX_VALUE, Action.CLOSE);

    public Fault {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(action, "action");
        if (afterBytes < 0) {
            throw new IllegalArgumentException("afterBytes must be >= 0: " + afterBytes);
        }
    }

    public static Fault cut(Channel channel, Direction direction, long afterBytes, boolean reset) {
        return new Fault(channel, direction, afterBytes, reset ? Action.RESET : Action.CLOSE);
    }

    public static Fault stall(Channel channel, Direction direction, long afterBytes) {
        return new Fault(channel, direction, afterBytes, Action.STALL);
    }

    /** For replay instructions: e.g. {@code RESET data to-client after 123456 bytes}. */
    @Override
    public String toString() {
        if (this.equals(NONE)) {
            return "no fault";
        }
        return action + " " + channel.name().toLowerCase() + " " + direction.name().toLowerCase().replace('_', '-')
                + " after " + afterBytes + " bytes";
    }
}
