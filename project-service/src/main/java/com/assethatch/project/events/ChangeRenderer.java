package com.assethatch.project.events;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a logged change of a feature's rows into the data of its event. Each feature renders its own types, so the
 * feed replays every kind of change without knowing the features.
 */
public interface ChangeRenderer {

    /** The change types this renderer turns into event data. */
    Set<ChangeType> types();

    /**
     * The entity's current state as committed in Postgres (never the cache, which may not hold it yet), or what was
     * deleted; empty when the row is gone and a later logged deletion will say so.
     */
    Uni<Optional<ChangePayload>> render(LoggedChange change);
}
