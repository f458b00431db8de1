package com.assethatch.common.error;

import jakarta.ws.rs.core.Response.Status;
import java.util.Map;

/** If-Match named a version that is no longer the current one, or entity tags that match no version at all. */
public class StaleVersionException extends ApiException {

    public StaleVersionException(long expectedVersion, long currentVersion) {
        super(Status.PRECONDITION_FAILED,
                "Version " + expectedVersion + " is stale: the current version is " + currentVersion
                        + ". Read it again and retry.",
                Map.of("expectedVersion", expectedVersion, "currentVersion", currentVersion));
    }

    public StaleVersionException(String ifMatch, long currentVersion) {
        super(Status.PRECONDITION_FAILED,
                "If-Match " + ifMatch + " does not match the current version, " + currentVersion
                        + ". Read it again and retry.",
                Map.of("ifMatch", ifMatch, "currentVersion", currentVersion));
    }
}
