package com.assethatch.project.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A store that is there but never answers: it accepts TCP connections on loopback and says nothing, the way an
 * overloaded or stuck object store looks to a client. Owned by the test (started and stopped here).
 */
public class SilentObjectStore implements QuarkusTestResourceLifecycleManager {

    private ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-object-store");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("asset-hatch.images.s3.endpoint", "http://127.0.0.1:" + server.getLocalPort());
    }

    @Override
    public void stop() {
        try {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
