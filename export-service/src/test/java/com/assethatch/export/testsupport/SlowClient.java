package com.assethatch.export.testsupport;

import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.auth.testing.TestUsers;
import java.util.function.Supplier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request over a bare socket with a small receive buffer: the test decides when the response's bytes
 * are read, as with a slow or stalled client, and can reset the connection as a closed browser tab does.
 */
public final class SlowClient implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 16 * 1024;
    /** Raw sockets bypass RestAssured's default credentials: the same test user's token, as a header line. */
    private static final Supplier<String> DEFAULT_AUTHORIZATION =
            () -> "Authorization: " + TestCredentials.bearer(TestUsers.DEFAULT_USER);

    private final Socket socket;
    private final InputStream in;
    private final String statusLine;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private SlowClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        String[] head = readHead().split("\r\n");
        this.statusLine = head[0];
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
        }
    }

    /** Sends {@code GET path} with the given extra header lines and reads the status line and headers. */
    public static SlowClient get(URL server, String path, String... headerLines) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(RECEIVE_BUFFER);
        socket.connect(new java.net.InetSocketAddress(server.getHost(), server.getPort()));
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + DEFAULT_AUTHORIZATION.get() + "\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new SlowClient(socket);
    }

    /**
     * Sends the head of a {@code POST} that declares a body of {@code declaredLength} bytes, and no body: for a
     * server that answers before reading it.
     */
    public static SlowClient postHead(URL server, String path, String contentType, long declaredLength)
            throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + DEFAULT_AUTHORIZATION.get()
                + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + declaredLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new SlowClient(socket);
    }

    public int status() {
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    /** A response header, by its name in any case; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Reads up to {@code count} bytes of the body (fewer only if the response ends first). */
    public byte[] read(int count) throws IOException {
        return in.readNBytes(count);
    }

    /** Reads the rest of the body until the server closes the connection or the Content-Length is reached. */
    public byte[] readRest(long alreadyRead) throws IOException {
        String length = header("Content-Length");
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        if (length == null) {
            in.transferTo(rest);
        } else {
            try {
                rest.write(in.readNBytes((int) (Long.parseLong(length) - alreadyRead)));
            } catch (IOException reset) {
                // a broken transfer: what arrived is what the test looks at
            }
        }
        return rest.toByteArray();
    }

    /** Closes with a reset, as a browser tab that is closed mid-download. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The connection closed before the response head ended: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII).strip();
    }
}
