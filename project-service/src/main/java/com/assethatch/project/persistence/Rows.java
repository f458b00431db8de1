package com.assethatch.project.persistence;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/** Maps reactive SQL results. */
public final class Rows {

    private Rows() {
    }

    public static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(mapper.apply(rows.iterator().next()));
    }

    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        return StreamSupport.stream(rows.spliterator(), false).map(mapper).toList();
    }
}
