package com.assethatch.project.events;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * A change rendered to JSON once, handed as it is to every local subscriber of the project's owner. {@code ownerId}
 * routes it and never reaches the client.
 */
public record RenderedChange(String eventName, String ownerId, String projectId, long version, String json) {

    /** Passes the record between this instance's event-bus consumers by reference; it never leaves the JVM. */
    static final class LocalCodec implements MessageCodec<RenderedChange, RenderedChange> {

        @Override
        public void encodeToWire(Buffer buffer, RenderedChange change) {
            throw new UnsupportedOperationException("Changes travel between instances on Redis, not the event bus");
        }

        @Override
        public RenderedChange decodeFromWire(int position, Buffer buffer) {
            throw new UnsupportedOperationException("Changes travel between instances on Redis, not the event bus");
        }

        @Override
        public RenderedChange transform(RenderedChange change) {
            return change;
        }

        @Override
        public String name() {
            return RenderedChange.class.getName();
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
