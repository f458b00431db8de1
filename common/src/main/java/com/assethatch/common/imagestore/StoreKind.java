package com.assethatch.common.imagestore;

/** Where new image bytes go: {@code postgres} keeps them in their row (bytea), {@code s3} in an object store. */
public enum StoreKind {
    POSTGRES, S3
}
