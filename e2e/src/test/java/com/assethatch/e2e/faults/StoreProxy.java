package com.assethatch.e2e.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy of this test's own in front of the machine's object store (radosgw), so the suite can make the store
 * unreachable for project-service without touching radosgw: {@link #refuse} closes the listening socket (connections
 * are refused), {@link #silence} accepts connections and never answers, {@link #forward} relays again. Switching
 * drops every open connection, as a network cut does.
 */
final class StoreProxy implements AutoCloseable {

    enum Mode { FORWARD, SILENT, REFUSE }

    private static final int BUFFER_BYTES = 64 * 1024;

    private final int port;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket listener;

    private StoreProxy(int port, URI upstream) {
        this.port = port;
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
    }

    /** Listens on {@code port} of loopback and relays to {@code upstream} (an http:// endpoint). */
    static StoreProxy start(int port, URI upstream) throws IOException {
        StoreProxy proxy = new StoreProxy(port, upstream);
        proxy.listen();
        return proxy;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    void forward() throws IOException {
        switchTo(Mode.FORWARD);
    }

    void silence() throws IOException {
        switchTo(Mode.SILENT);
    }

    void refuse() throws IOException {
        switchTo(Mode.REFUSE);
    }

    private synchronized void switchTo(Mode next) throws IOException {
        mode = next;
        dropConnections();
        if (next == Mode.REFUSE) {
            closeListener();
        } else if (listener == null) {
            listen();
        }
    }

    private void listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "store-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                if (mode == Mode.FORWARD) {
                    relay(client);
                } // SILENT: held open, never read, never answered
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try {
            Socket server = new Socket();
            server.connect(upstream, 2000);
            open.add(server);
            pump(client, server);
            pump(server, client);
        } catch (IOException upstreamDown) {
            close(client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[BUFFER_BYTES];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException dropped) {
                // either side went away
            } finally {
                close(from);
                close(to);
            }
        }, "store-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void dropConnections() {
        for (Socket socket : open) {
            close(socket);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void closeListener() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeListener();
        dropConnections();
    }
}
