package com.assethatch.project.storage;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.imagestore.ImageStore;
import com.assethatch.common.imagestore.ImageStoreConfig;
import com.assethatch.project.assets.AssetService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Background sweeps, off the request path (they take no lock a request waits on, and every step is safe to run on
 * several instances at once):
 * <ul>
 * <li>rejected generated assets are deleted {@code asset-hatch.images.sweep.rejected-retention} after their last
 * change, through the same delete as the API (cache and live clients follow);</li>
 * <li>objects no row names are deleted once older than {@code orphan-grace}: those of an upload that crashed between
 * its object put and its row commit, and those whose last row was deleted or replaced.</li>
 * </ul>
 */
@ApplicationScoped
public class ImageSweeper {

    /** Keys no generated asset or style anchor names, out of a page of keys. */
    private static final String UNREFERENCED = """
            SELECT k FROM unnest(?::text[]) AS k
            WHERE NOT EXISTS (SELECT 1 FROM generated_asset WHERE image_key = k)
              AND NOT EXISTS (SELECT 1 FROM style_anchor WHERE image_key = k)""";
    /** Rejected assets past the retention, with their project's owner (the delete acts as the owner). */
    private static final String EXPIRED_REJECTED = """
            SELECT a.id, p.owner_id FROM generated_asset a JOIN project p ON p.id = a.project_id
            WHERE a.status = 'rejected' AND a.updated_at < ? AND p.owner_id IS NOT NULL
            ORDER BY a.updated_at LIMIT ?""";

    private final ImageStore store;
    private final ImageStoreConfig.Sweep config;
    private final AgroalDataSource dataSource;
    private final AssetService assets;

    public ImageSweeper(ImageStore store, ImageStoreConfig config, AgroalDataSource dataSource, AssetService assets) {
        this.store = store;
        this.config = config.sweep();
        this.dataSource = dataSource;
        this.assets = assets;
    }

    @Scheduled(every = "${asset-hatch.images.sweep.interval}", delayed = "${asset-hatch.images.sweep.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (!config.enabled()) {
            return;
        }
        try {
            int rejected = deleteRejectedBefore(Instant.now().minus(config.rejectedRetention()));
            int objects = deleteUnreferencedObjectsBefore(Instant.now().minus(config.orphanGrace()));
            if (rejected + objects > 0) {
                Log.infof("Image sweep: deleted %d rejected assets and %d unreferenced objects", rejected, objects);
            }
        } catch (RuntimeException e) {
            // The next run tries again; nothing a request needs depends on the sweep.
            Log.warnf("Image sweep failed, retrying in %s: %s", config.interval(), e.getMessage());
        }
    }

    /** Deletes rejected assets last changed before {@code cutoff}; returns how many. Blocking. */
    public int deleteRejectedBefore(Instant cutoff) {
        int deleted = 0;
        List<String[]> batch;
        do {
            batch = expiredRejected(cutoff);
            for (String[] asset : batch) {
                try {
                    assets.delete(asset[1], asset[0]).await().atMost(Duration.ofSeconds(30));
                    deleted++;
                } catch (ApiException e) {
                    if (e.status() != Status.NOT_FOUND) { // deleted meanwhile by its owner: fine
                        throw e;
                    }
                }
            }
        } while (batch.size() == config.batchSize());
        return deleted;
    }

    /** Deletes objects older than {@code cutoff} that no row names; returns how many. Blocking. */
    public int deleteUnreferencedObjectsBefore(Instant cutoff) {
        AtomicInteger deleted = new AtomicInteger();
        store.forEachPage(page -> {
            List<String> old = page.stream().filter(object -> object.lastModified().isBefore(cutoff))
                    .map(ImageStore.StoredObject::key).toList();
            for (int from = 0; from < old.size(); from += config.batchSize()) {
                for (String key : unreferenced(old.subList(from, Math.min(old.size(), from + config.batchSize())))) {
                    store.delete(key);
                    deleted.incrementAndGet();
                }
            }
        });
        return deleted.get();
    }

    private List<String> unreferenced(List<String> keys) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(UNREFERENCED)) {
            Array array = connection.createArrayOf("text", keys.toArray());
            query.setArray(1, array);
            return strings(query);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check object references: " + e.getMessage(), e);
        }
    }

    /** (asset id, owner id) pairs. */
    private List<String[]> expiredRejected(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(EXPIRED_REJECTED)) {
            query.setTimestamp(1, Timestamp.from(cutoff));
            query.setInt(2, config.batchSize());
            List<String[]> assets = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assets.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            return assets;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list expired rejected assets: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(PreparedStatement query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
