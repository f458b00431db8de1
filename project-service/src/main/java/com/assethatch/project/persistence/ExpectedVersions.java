package com.assethatch.project.persistence;

import com.assethatch.common.error.StaleVersionException;
import java.util.Optional;
import java.util.Set;

/**
 * The row versions a conditional write may apply to (If-Match): any version, or only the listed ones. The list can
 * be empty: a well-formed entity tag that names no version of ours (e.g. {@code "v0"}) matches nothing, so the
 * write answers 412, never 400 (RFC 9110 §13.1.1).
 */
public record ExpectedVersions(Optional<Set<Long>> versions, String asSent) {

    public static final ExpectedVersions ANY = new ExpectedVersions(Optional.empty(), "*");

    public static ExpectedVersions oneOf(Set<Long> versions, String asSent) {
        return new ExpectedVersions(Optional.of(Set.copyOf(versions)), asSent);
    }

    public boolean isAny() {
        return versions.isEmpty();
    }

    public boolean allows(long version) {
        return versions.map(allowed -> allowed.contains(version)).orElse(true);
    }

    /** For {@code version = ANY($n)}; only when not {@link #isAny()}. */
    public Long[] asArray() {
        return versions.orElseThrow().toArray(Long[]::new);
    }

    /** 412: the row is at {@code currentVersion}, which the condition does not allow. */
    public StaleVersionException staleAgainst(long currentVersion) {
        Set<Long> allowed = versions.orElseThrow();
        return allowed.size() == 1
                ? new StaleVersionException(allowed.iterator().next(), currentVersion)
                : new StaleVersionException(asSent, currentVersion);
    }
}
