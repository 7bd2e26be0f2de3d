package luoshi.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a WireMock service that counts the bytes the gateway sends through it: WireMock answers only
 * once it has a whole request, so what the relay has passed on shows whether the gateway streams a body while its caller
 * is still sending it, or waits for all of it. Transparent otherwise (a reset on one side resets the other).
 */
final class Relay implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final AtomicLong sent = new AtomicLong();

    Relay(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "relay-" + target);
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The bytes passed on towards the service so far. */
    long sent() {
        return sent.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket caller = server.accept();
                Socket service = new Socket(InetAddress.getLoopbackAddress(), target);
                pump(caller, service, sent);
                pump(service, caller, new AtomicLong());
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counted) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                    counted.addAndGet(n);
                }
                to.shutdownOutput();
            } catch (IOException e) {
                reset(to);
                reset(from);
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
