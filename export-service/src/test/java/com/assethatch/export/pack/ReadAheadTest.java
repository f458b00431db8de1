package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.assethatch.common.hash.Sha256;
import com.assethatch.export.images.ImageChangedException;
import com.assethatch.export.images.ImageSource;
import com.assethatch.export.images.StoredImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read-ahead on its own, over images kept in memory: order, budget, checks. */
class ReadAheadTest {

    private static final int CHUNK = 1000;
    private static final int PARALLEL_READS = 2;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> bytesBySha = new HashMap<>();
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final ImageSource memory = image -> {
        opened.add(image.ownerId());
        return new ByteArrayInputStream(bytesBySha.getOrDefault(image.sha256(), new byte[0]));
    };

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void imagesArriveInOrderWithTheirBytesAndCrc() throws Exception {
        List<StoredImage> images = List.of(image("a", 2500), image("b", 0), image("c", 1000));

        try (ReadAhead ahead = new ReadAhead(images, memory, 10_000, CHUNK, true, PARALLEL_READS, executor)) {
            for (StoredImage expected : images) {
                ReadAhead.Loaded loaded = ahead.next();
                byte[] bytes = join(loaded.chunks());
                assertThat(loaded.image()).isEqualTo(expected);
                assertThat(bytes).isEqualTo(bytesBySha.get(expected.sha256()));
                assertThat(loaded.chunks()).allSatisfy(chunk -> assertThat(chunk.length).isLessThanOrEqualTo(CHUNK));
                CRC32 crc = new CRC32();
                crc.update(bytes);
                assertThat(loaded.crc()).isEqualTo((int) crc.getValue());
                ahead.sent(loaded);
            }
        }
    }

    @Test
    void theReaderStaysWithinItsBudgetUntilImagesAreSent() throws Exception {
        List<StoredImage> images = List.of(image("a", 400), image("b", 400), image("c", 400), image("d", 5000));

        try (ReadAhead ahead = new ReadAhead(images, memory, 1000, CHUNK, true, PARALLEL_READS, executor)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> opened.containsAll(Set.of("a", "b")));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !opened.contains("c"));

            ahead.sent(ahead.next());
            await().atMost(Duration.ofSeconds(5)).until(() -> opened.contains("c"));
            ahead.sent(ahead.next());
            ahead.sent(ahead.next());
            // Larger than the whole budget: read alone once everything else is sent.
            assertThat(join(ahead.next().chunks())).hasSize(5000);
        }
    }

    @Test
    void twoImagesAreReadAtOnceAndStillHandedOutInOrder() throws Exception {
        StoredImage slow = image("slow", 100);
        StoredImage fast = image("fast", 100);
        CountDownLatch fastRead = new CountDownLatch(1);
        ImageSource slowFirst = image -> {
            if (image.equals(slow)) {
                try { // the first image finishes only after the second was read: a single reader would hang here
                    assertThat(fastRead.await(5, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
            InputStream in = memory.open(image);
            if (image.equals(fast)) {
                fastRead.countDown();
            }
            return in;
        };

        try (ReadAhead ahead = new ReadAhead(List.of(slow, fast), slowFirst, 10_000, CHUNK, true, 2, executor)) {
            assertThat(ahead.next().image()).isEqualTo(slow);
            assertThat(ahead.next().image()).isEqualTo(fast);
        }
    }

    @Test
    void anImageWhoseBytesAreNotTheManifestsStopsTheReadBeforeItIsHandedOut() throws Exception {
        StoredImage good = image("good", 10);
        StoredImage shorter = new StoredImage(image("short", 10).sha256(), 11, StoredImage.Owner.GENERATED_ASSET,
                "short");
        StoredImage tampered = new StoredImage("0".repeat(64), 10, StoredImage.Owner.GENERATED_ASSET, "tampered");
        bytesBySha.put(tampered.sha256(), new byte[10]);

        try (ReadAhead ahead = new ReadAhead(List.of(good, shorter), memory, 100, CHUNK, true, PARALLEL_READS, executor)) {
            ahead.next();
            assertThatThrownBy(ahead::next).isInstanceOf(ImageChangedException.class).hasMessageContaining("11");
        }
        try (ReadAhead ahead = new ReadAhead(List.of(tampered), memory, 100, CHUNK, true, PARALLEL_READS, executor)) {
            assertThatThrownBy(ahead::next).isInstanceOf(ImageChangedException.class).hasMessageContaining("sha256");
        }
    }

    @Test
    void aFailingSourceIsReportedAsAReadFailure() {
        ImageSource broken = image -> {
            throw new java.io.IOException("database gone");
        };

        try (ReadAhead ahead = new ReadAhead(List.of(image("a", 5)), broken, 100, CHUNK, true, PARALLEL_READS, executor)) {
            assertThatThrownBy(ahead::next).isInstanceOf(ReadAhead.ReadFailed.class).hasMessageContaining("database gone");
        }
    }

    private StoredImage image(String id, int size) {
        byte[] bytes = new byte[size];
        new Random(id.hashCode()).nextBytes(bytes);
        String sha = Sha256.hex(bytes);
        bytesBySha.put(sha, bytes);
        return StoredImage.generatedAsset(id, sha, size);
    }

    private static byte[] join(List<byte[]> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        new ArrayList<>(chunks).forEach(all::writeBytes);
        return all.toByteArray();
    }
}
