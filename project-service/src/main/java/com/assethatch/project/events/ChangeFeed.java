package com.assethatch.project.events;

import com.assethatch.project.cache.CacheConfig;
import com.assethatch.project.cache.CacheKeys;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.eventbus.EventBus;
import io.vertx.mutiny.core.eventbus.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans committed changes out to every SSE client of every instance. A change travels with its project's owner and
 * reaches only streams that owner opened (routing by owner and project, on this instance and after Redis), so a
 * project deleted and re-created under the same id by someone else never feeds the first owner's stream. A change is rendered to JSON once,
 * delivered to this instance's clients directly (so it works with Redis down) and published on Redis
 * pub/sub for the other instances; each instance ignores its own messages coming back.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final String LOCAL_ADDRESS = "asset-hatch.changes.";
    private static final int MAX_BACKOFF_FACTOR = 10;

    private final EventBus eventBus;
    private final ReactivePubSubCommands<String> pubSub;
    private final ObjectMapper json;
    private final String channel;
    private final CacheConfig cacheConfig;
    private final EventsConfig config;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile Cancellable subscription;
    private final Set<Runnable> openStreams = ConcurrentHashMap.newKeySet();

    public ChangeFeed(EventBus eventBus, ReactiveRedisDataSource redis, ObjectMapper json, CacheKeys keys,
            CacheConfig cacheConfig, EventsConfig config) {
        this.eventBus = eventBus;
        this.pubSub = redis.pubsub(String.class);
        this.json = json;
        this.channel = keys.changesChannel();
        this.cacheConfig = cacheConfig;
        this.config = config;
    }

    /** Delivers the owner's change locally and to the other instances; never fails the caller. */
    public Uni<Void> publish(String ownerId, ChangeEvent event) {
        RenderedChange change = render(ownerId, event);
        deliverLocally(change);
        return pubSub.publish(channel, encode(new Envelope(instanceId, ownerId, change.json())))
                .ifNoItem().after(cacheConfig.commandTimeout()).fail()
                .onFailure().invoke(e -> Log.warnf("Change %s of project %s not published to other instances: %s",
                        event.type(), event.projectId(), e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** The event as the owner's SSE clients receive it, rendered to JSON once. */
    public RenderedChange render(String ownerId, ChangeEvent event) {
        return new RenderedChange(event.type().eventName(), ownerId, event.projectId(), event.version(), encode(event));
    }

    /**
     * Ends {@code stream} as soon as this instance begins to shut down: a live SSE stream would otherwise hold
     * the graceful shutdown for its whole timeout, and browsers reconnect (to another instance) at once.
     */
    public <T> Multi<T> untilShutdown(Multi<T> stream) {
        return Multi.createFrom().emitter(emitter -> {
            Runnable end = emitter::complete;
            openStreams.add(end);
            Cancellable upstream = stream.subscribe().with(emitter::emit, emitter::fail, emitter::complete);
            emitter.onTermination(() -> {
                openStreams.remove(end);
                upstream.cancel();
            });
        });
    }

    void endStreams(@Observes ShutdownDelayInitiatedEvent event) {
        Log.infof("Shutting down: closing %d live event streams", openStreams.size());
        openStreams.forEach(Runnable::run);
    }

    /** The changes of one project of this owner, from now on. */
    public Multi<RenderedChange> changesOf(String ownerId, String projectId) {
        return eventBus.<RenderedChange>localConsumer(address(ownerId, projectId)).toMulti().map(Message::body);
    }

    void subscribe(@Observes StartupEvent ignored) {
        eventBus.getDelegate().registerDefaultCodec(RenderedChange.class, new RenderedChange.LocalCodec());
        subscription = pubSub.subscribe(channel)
                .onCompletion().failWith(() -> new IllegalStateException("subscription ended"))
                .onFailure().invoke(e -> Log.warnf("Redis pub/sub subscription lost, retrying: %s", e.getMessage()))
                .onFailure().retry()
                .withBackOff(config.resubscribeDelay(), config.resubscribeDelay().multipliedBy(MAX_BACKOFF_FACTOR))
                .indefinitely()
                .subscribe().with(this::deliverFromOtherInstance);
    }

    void unsubscribe(@Observes ShutdownEvent ignored) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** Read once per message, however many local clients watch the project. */
    private void deliverFromOtherInstance(String message) {
        try {
            JsonNode envelope = json.readTree(message);
            String owner = envelope.path("owner").asText("");
            if (owner.isEmpty()) {
                Log.warnf("Ignoring a change message without an owner on %s", channel);
            } else if (!instanceId.equals(envelope.path("origin").asText())) {
                JsonNode event = envelope.path("event");
                deliverLocally(new RenderedChange(event.path("type").asText(), owner, event.path("projectId").asText(),
                        event.path("version").asLong(), event.toString()));
            }
        } catch (JsonProcessingException e) {
            Log.warnf("Ignoring an unreadable change message on %s: %s", channel, e.getMessage());
        }
    }

    private void deliverLocally(RenderedChange change) {
        eventBus.publish(address(change.ownerId(), change.projectId()), change);
    }

    /** Project ids never contain '/', so owner and project cannot run into each other. */
    private static String address(String ownerId, String projectId) {
        return LOCAL_ADDRESS + projectId + "/" + ownerId;
    }

    private String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise change event", e);
        }
    }

    /** What travels on the channel: the event as rendered, the instance that published it and the project's owner. */
    record Envelope(String origin, String owner, @JsonRawValue String event) {
    }
}
