package com.assethatch.project.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every kind of cached row, by the entity type the schema records in the outbox. */
@ApplicationScoped
public class CacheLayouts {

    private final Map<String, CacheLayout<?>> byEntityType;

    public CacheLayouts(@Any Instance<CacheLayout<?>> layouts) {
        this.byEntityType = layouts.stream().collect(Collectors.toMap(CacheLayout::entityType, Function.identity()));
    }

    public Optional<CacheLayout<?>> of(String entityType) {
        return Optional.ofNullable(byEntityType.get(entityType));
    }
}
