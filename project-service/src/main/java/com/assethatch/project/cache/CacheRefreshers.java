package com.assethatch.project.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every kind of cached row, by the entity type the schema records in the outbox. */
@ApplicationScoped
public class CacheRefreshers {

    private final Map<String, CacheRefresher> byEntityType;

    public CacheRefreshers(Instance<CacheRefresher> refreshers) {
        this.byEntityType = refreshers.stream().collect(Collectors.toMap(CacheRefresher::entityType, Function.identity()));
    }

    public Optional<CacheRefresher> of(String entityType) {
        return Optional.ofNullable(byEntityType.get(entityType));
    }
}
