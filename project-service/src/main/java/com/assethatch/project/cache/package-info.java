/**
 * The Redis fast tier and how it stays consistent with Postgres (docs/consistency.md). One write, e.g.
 * {@code PATCH /api/projects/p1/qualities}, from request to Redis:
 * <ol>
 * <li>{@code QualitiesResource} hands the changes to {@code QualitiesService}, which validates them;</li>
 * <li>{@code ProjectRepository} runs one {@code UPDATE … RETURNING *}: the schema's triggers give the row its
 * version and record its {@link com.assethatch.project.cache.CacheOutbox outbox} row in that statement;</li>
 * <li>the committed row goes to its {@link com.assethatch.project.cache.CacheLayout layout} ({@code ProjectCache}),
 * which turns it into {@link com.assethatch.project.cache.CacheOp operations} on its keys;</li>
 * <li>{@link com.assethatch.project.cache.WriteThrough} applies them by compare-and-set in
 * {@link com.assethatch.project.cache.VersionedCache} (Lua: only a higher version replaces a lower one)</li>
 * <li>and settles the outbox rows of that entity up to that version;</li>
 * <li>if Redis failed, the keys are {@link com.assethatch.project.cache.StaleKeys stale} (reads go to Postgres)
 * and {@link com.assethatch.project.cache.OutboxRelay} repairs them from the outbox row, however long it takes.</li>
 * </ol>
 */
package com.assethatch.project.cache;
