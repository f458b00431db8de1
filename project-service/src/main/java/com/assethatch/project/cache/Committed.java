package com.assethatch.project.cache;

/** A row as committed to Postgres, with the outbox row that owes its cache update. */
public record Committed<T>(T value, long outboxId) {
}
