package com.assethatch.project.events;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the change log to its retention window; a client resuming from before it gets a {@code resync} event. */
@ApplicationScoped
public class ChangeLogPruner {

    private final ChangeLog log;
    private final EventsConfig config;

    public ChangeLogPruner(ChangeLog log, EventsConfig config) {
        this.log = log;
        this.config = config;
    }

    @Scheduled(every = "${asset-hatch.events.prune-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> pruneExpiredChanges() {
        return log.prune(config.retention())
                .invoke(count -> {
                    if (count > 0) {
                        Log.debugf("Pruned %d changes older than %s from the change log", count, config.retention());
                    }
                })
                .onFailure().invoke(e -> Log.warnf("Pruning the change log failed, retrying later: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
