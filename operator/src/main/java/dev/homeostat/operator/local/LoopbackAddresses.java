package dev.homeostat.operator.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.BitSet;

/**
 * Hands out loopback addresses 127.0.0.2 … 127.0.0.254, one per local pod, so every pod listens on the same port
 * as it would in a cluster. An address whose port is taken by someone else is skipped.
 */
public final class LoopbackAddresses {

    private static final int FIRST = 2;
    private static final int LAST = 254;

    private final BitSet inUse = new BitSet(LAST + 1);

    /** A free address on which {@code port} can be bound right now. */
    public synchronized String acquire(int port) {
        for (int host = FIRST; host <= LAST; host++) {
            if (!inUse.get(host)) {
                String address = "127.0.0." + host;
                if (canBind(address, port)) {
                    inUse.set(host);
                    return address;
                }
            }
        }
        throw new IllegalStateException("no loopback address 127.0.0.2-254 has port " + port + " free");
    }

    /** Gives an address back once its process is gone. */
    public synchronized void release(String address) {
        int host = Integer.parseInt(address.substring(address.lastIndexOf('.') + 1));
        inUse.clear(host);
    }

    static boolean canBind(String address, int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
