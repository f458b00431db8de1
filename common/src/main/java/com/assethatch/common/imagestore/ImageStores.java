package com.assethatch.common.imagestore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The {@link ImageStore} {@code asset-hatch.images.store} names. */
@ApplicationScoped
public class ImageStores {

    @Produces
    @ApplicationScoped
    ImageStore imageStore(ImageStoreConfig config, Instance<S3Objects> s3) {
        return switch (config.store()) {
            case POSTGRES -> new PostgresImageStore();
            case S3 -> new S3ImageStore(s3.get(), config);
        };
    }
}
