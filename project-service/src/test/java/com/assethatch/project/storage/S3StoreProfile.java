package com.assethatch.project.storage;

import com.assethatch.common.imagestore.testing.ObjectStoreResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** project-service on the s3 image store, against the repository's real Ceph radosgw; sweeps run when tests say. */
public class S3StoreProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ObjectStoreResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("asset-hatch.images.sweep.enabled", "false");
    }

    /** The same, answering GET …/image with a 302 to a presigned URL. */
    public static class Presigned extends S3StoreProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asset-hatch.images.sweep.enabled", "false", "asset-hatch.images.s3.presign.enabled", "true");
        }
    }
}
