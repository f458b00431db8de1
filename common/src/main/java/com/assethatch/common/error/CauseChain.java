package com.assethatch.common.error;

import java.util.Objects;
import java.util.stream.Stream;

/** A failure and its causes, outermost first, for code that looks for one kind of failure wherever it is wrapped. */
public final class CauseChain {

    /** Bounds the walk: a cause cycle or a chain this deep is not worth following further. */
    private static final int MAX_DEPTH = 16;

    private CauseChain() {
    }

    /** {@code failure}, its cause, that cause's cause…; empty for null. */
    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).limit(MAX_DEPTH);
    }
}
