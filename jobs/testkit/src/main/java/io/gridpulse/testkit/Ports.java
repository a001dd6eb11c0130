package io.gridpulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free loopback ports for services that must be told their port up front. */
final class Ports {

    private Ports() {}

    /**
     * A TCP port on 127.0.0.1 that was free a moment ago. Another process may still take it before
     * the service binds it, so callers retry on "address already in use".
     */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
