package com.assethatch.e2e.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends an {@link Attack} with Java's HttpClient, or over a raw socket when HttpClient refuses to send it (control
 * bytes in a header, a target that is no valid URI) or the HTTP layer may refuse it: the server must cope with what
 * any client can send.
 */
final class Sender {

    /** What came back: a status, its headers (lower-case names) and up to {@link #KEPT_BODY_BYTES} of the body. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean streamed) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** An attack that got no answer: a hang (timeout) or a dropped connection. */
    static final class NoAnswer extends Exception {
        NoAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int KEPT_BODY_BYTES = 8 * 1024 * 1024;
    /** Streams (SSE) are judged on their status and headers: they never end by themselves. */
    private static final Set<String> STREAM_TYPES = Set.of("text/event-stream");
    /** Not sendable with HttpClient; written as they are on a raw socket instead. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** The JDK client's message for a connection closed by the server before any byte of an answer. */
    private static final String STALE_CONNECTION = "received no bytes";

    private final java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpClient http;
    private final Duration timeout;

    Sender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * Sends the attack; a pooled keep-alive connection that the server had closed just before it was reused fails
     * with "received no bytes" before anything was answered, which any HTTP client retries once on a new connection.
     */
    Answer send(Attack attack, int port) throws NoAnswer {
        try {
            return sendOnce(attack, port);
        } catch (NoAnswer first) {
            if (first.getMessage() == null || !first.getMessage().contains(STALE_CONNECTION)) {
                throw first;
            }
            retries.incrementAndGet();
            return sendOnce(attack, port);
        }
    }

    int retries() {
        return retries.get();
    }

    private Answer sendOnce(Attack attack, int port) throws NoAnswer {
        if (attack.httpCodecMayRefuse()) {
            // The HTTP layer answers what it refuses (a request line over its limit) as HTTP/1.0 and closes the
            // connection; HttpClient pools that connection anyway, and the next request sent on it gets no answer.
            return sendRaw(attack, port);
        }
        HttpRequest request;
        try {
            request = request(attack, port);
        } catch (IllegalArgumentException notSendable) {
            return sendRaw(attack, port);
        }
        try {
            HttpResponse<InputStream> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, String> headers = new java.util.HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            String type = headers.getOrDefault("content-type", "");
            try (InputStream body = response.body()) {
                if (STREAM_TYPES.stream().anyMatch(type::startsWith)) {
                    return new Answer(response.statusCode(), headers, new byte[0], true);
                }
                return new Answer(response.statusCode(), headers, readWithin(body), false);
            }
        } catch (TimeoutException | HttpTimeoutException e) {
            throw new NoAnswer("no answer within " + timeout.toSeconds() + " s (hang)", e);
        } catch (ExecutionException | IOException e) {
            throw new NoAnswer("connection dropped: " + (e.getCause() != null ? e.getCause() : e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted", e);
        }
    }

    private HttpRequest request(Attack attack, int port) {
        if (attack.headers().keySet().stream().anyMatch(name -> RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT)))) {
            throw new IllegalArgumentException("restricted header");
        }
        URI uri = URI.create("http://127.0.0.1:" + port + attack.target());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(attack.method(), attack.body().length == 0 && !attack.headers().containsKey("Content-Type")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        attack.headers().forEach(builder::header);
        return builder.build();
    }

    /** Reads the body to its end (or the first KEPT_BODY_BYTES and the rest discarded), within the timeout. */
    private byte[] readWithin(InputStream body) throws IOException, NoAnswer {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int read; (read = body.read(buffer)) >= 0; ) {
            if (kept.size() < KEPT_BODY_BYTES) {
                kept.write(buffer, 0, Math.min(read, KEPT_BODY_BYTES - kept.size()));
            }
            if (System.nanoTime() > deadline) {
                throw new NoAnswer("body still streaming after " + timeout.toSeconds() + " s (hang)", null);
            }
        }
        return kept.toByteArray();
    }

    /** HTTP/1.1 by hand: the request line and headers byte for byte (ISO-8859-1), Connection: close. */
    private Answer sendRaw(Attack attack, int port) throws NoAnswer {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder head = new StringBuilder(attack.method()).append(' ').append(attack.target()).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            attack.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (attack.headers().keySet().stream().noneMatch("Content-Length"::equalsIgnoreCase)) {
                head.append("Content-Length: ").append(attack.body().length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(attack.body());
            out.flush();
            byte[] whole = socket.getInputStream().readAllBytes();
            return parse(whole);
        } catch (java.net.SocketTimeoutException e) {
            throw new NoAnswer("no answer within " + timeout.toSeconds() + " s (hang, raw socket)", e);
        } catch (IOException e) {
            throw new NoAnswer("connection dropped (raw socket): " + e, e);
        }
    }

    private static Answer parse(byte[] whole) throws NoAnswer {
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || headEnd < 0) {
            throw new NoAnswer("connection closed without an HTTP answer (raw socket, " + whole.length + " bytes)", null);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = text.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body, false);
    }

    private static byte[] dechunk(byte[] chunked) {
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        int position = 0;
        while (position < text.length()) {
            int lineEnd = text.indexOf("\r\n", position);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(position, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(text, lineEnd + 2, Math.min(text.length(), lineEnd + 2 + size));
            position = lineEnd + 2 + size + 2;
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
