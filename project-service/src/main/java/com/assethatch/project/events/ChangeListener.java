package com.assethatch.project.events;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Listens to Postgres for committed changes (the V5 triggers NOTIFY {@value #CHANNEL} with the project id, delivered
 * only on commit) and wakes this instance's streams of that project. Notifications sent while the connection is down
 * are lost, so when it is (re)established every stream is woken to read what it missed: a wake-up carries no data,
 * streams read the change log themselves.
 */
@ApplicationScoped
public class ChangeListener {

    static final String CHANNEL = "asset_hatch_changes";
    /** The LISTEN connection's application_name, which tells it apart in pg_stat_activity. */
    public static final String APPLICATION_NAME = "asset-hatch-change-listener";
    private static final String WAKE_PROJECT = "asset-hatch.changes.";
    private static final String WAKE_ALL = "asset-hatch.changes.*";

    private final Vertx vertx;
    private final EventsConfig config;
    private final PgConnectOptions connectOptions;
    private volatile PgSubscriber subscriber;
    private volatile boolean stopping;

    public ChangeListener(Vertx vertx, EventsConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.config = config;
        this.connectOptions = PgConnectOptions.fromUri(url).setUser(username).setPassword(password)
                .addProperty("application_name", APPLICATION_NAME);
    }

    /** How the event-bus metrics name every project's wake address (see {@link WakeAddressMetrics}). */
    static final String PROJECT_WAKE_ADDRESSES = WAKE_PROJECT + "{projectId}";

    /** Whether {@code address} is one project's wake address. */
    static boolean isProjectWakeAddress(String address) {
        return address.startsWith(WAKE_PROJECT) && !address.equals(WAKE_ALL);
    }

    /** The event-bus address that wakes the streams of {@code projectId}. */
    static String wakeAddress(String projectId) {
        return WAKE_PROJECT + projectId;
    }

    /** The event-bus address that wakes every stream. */
    static String wakeAllAddress() {
        return WAKE_ALL;
    }

    void start(@Observes StartupEvent ignored) {
        subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                .reconnectPolicy(attempt -> stopping ? -1L : config.listenerReconnectDelay().toMillis());
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> {
                    Log.info("Listening to Postgres for committed changes");
                    vertx.eventBus().publish(WAKE_ALL, "");
                })
                .handler(this::wake);
        connect();
    }

    /** The first connection; once connected, the reconnect policy above keeps the subscriber connected. */
    private void connect() {
        subscriber.connect().onFailure(e -> {
            if (!stopping) {
                Log.warnf("Cannot listen to Postgres for changes, retrying in %s: %s", config.listenerReconnectDelay(),
                        e.getMessage());
                vertx.setTimer(config.listenerReconnectDelay().toMillis(), t -> connect());
            }
        });
    }

    private void wake(String projectId) {
        vertx.eventBus().publish(projectId.isEmpty() ? WAKE_ALL : WAKE_PROJECT + projectId, "");
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopping = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
