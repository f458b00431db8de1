package com.assethatch.common.imagestore;

import com.assethatch.common.imagestore.ImageStore.StoredObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 calls, all behind the one {@link ImageStoreBreaker}, with SDK failures turned into 503s
 * ({@link ImageStoreUnavailableException}). The client is built on first use, so a service on the postgres store
 * never builds one.
 */
@ApplicationScoped
public class S3Objects {

    private static final int NOT_FOUND = 404;

    private final ImageStoreConfig.S3 config;
    private final ImageStoreBreaker breaker;
    private volatile S3Client client;
    private volatile S3Presigner presigner;

    public S3Objects(ImageStoreConfig config, ImageStoreBreaker breaker) {
        this.config = config.s3();
        this.breaker = breaker;
    }

    /** The object's metadata, or empty when it does not exist. */
    public Optional<HeadObjectResponse> head(String key) {
        return breaker.call(() -> headUnguarded(key));
    }

    private Optional<HeadObjectResponse> headUnguarded(String key) {
        try {
            return Optional.of(client().headObject(request -> request.bucket(config.bucket()).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw unavailable("HEAD " + key, e);
        } catch (SdkException e) {
            throw unavailable("HEAD " + key, e);
        }
    }

    public void put(String key, byte[] bytes, String mediaType) {
        guarded("PUT " + key, () -> client().putObject(request -> request.bucket(config.bucket()).key(key)
                .contentType(mediaType).contentLength((long) bytes.length), RequestBody.fromBytes(bytes)));
    }

    /** The object's body; the breaker covers the call up to the response headers, the socket timeout each read. */
    public InputStream get(String key) {
        return breaker.call(() -> {
            try {
                return client().getObject(request -> request.bucket(config.bucket()).key(key));
            } catch (NoSuchKeyException e) {
                throw new ImageObjectMissingException(key);
            } catch (SdkException e) {
                throw unavailable("GET " + key, e);
            }
        });
    }

    /** Pages are fetched lazily as {@code page} consumes them; each fetch is one guarded call. */
    public void list(String prefix, Consumer<List<StoredObject>> page) {
        String token = null;
        do {
            String continuation = token;
            var response = guarded("LIST " + prefix, () -> client().listObjectsV2(request -> request
                    .bucket(config.bucket()).prefix(prefix).continuationToken(continuation)));
            page.accept(response.contents().stream()
                    .map(object -> new StoredObject(object.key(), object.size(), object.lastModified())).toList());
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
    }

    public void delete(String key) {
        guarded("DELETE " + key, () -> client().deleteObject(request -> request.bucket(config.bucket()).key(key)));
    }

    private <T> T guarded(String call, Supplier<T> operation) {
        return breaker.call(() -> {
            try {
                return operation.get();
            } catch (SdkException e) {
                throw unavailable(call, e);
            }
        });
    }

    /** Signing is local: no call to the store, no breaker needed, but it shares the settings. */
    public URI presignGet(String key, String mediaType) {
        return URI.create(presigner().presignGetObject(request -> request
                        .signatureDuration(config.presign().ttl())
                        .getObjectRequest(get -> get.bucket(config.bucket()).key(key).responseContentType(mediaType)))
                .url().toString());
    }

    private static ImageStoreUnavailableException unavailable(String call, SdkException e) {
        return new ImageStoreUnavailableException(call + ": " + e.getMessage());
    }

    private S3Client client() {
        S3Client current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = buildClient();
                }
                current = client;
            }
        }
        return current;
    }

    private S3Presigner presigner() {
        S3Presigner current = presigner;
        if (current == null) {
            synchronized (this) {
                if (presigner == null) {
                    var builder = S3Presigner.builder()
                            .region(Region.of(config.region()))
                            .credentialsProvider(credentials())
                            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
                    config.presign().publicEndpoint().or(config::endpoint).ifPresent(builder::endpointOverride);
                    presigner = builder.build();
                }
                current = presigner;
            }
        }
        return current;
    }

    private S3Client buildClient() {
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials())
                .forcePathStyle(config.pathStyle())
                // Checksums only where S3 requires them: Ceph answers 400 to the SDK's default chunked upload
                // with a trailing CRC32. Integrity is checked against the sha256 the row records instead.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.socketTimeout())
                        .maxConnections(config.maxConnections()))
                .overrideConfiguration(override -> override
                        .apiCallTimeout(config.callTimeout())
                        .retryStrategy(retry -> retry.maxAttempts(config.maxAttempts())));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
        if (presigner != null) {
            presigner.close();
        }
    }
}
