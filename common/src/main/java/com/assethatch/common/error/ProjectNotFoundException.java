package com.assethatch.common.error;

import jakarta.ws.rs.core.Response.Status;

/** The message is the original app's, which the frontend shows as is. */
public class ProjectNotFoundException extends ApiException {

    public ProjectNotFoundException() {
        super(Status.NOT_FOUND, "Project not found", null);
    }
}
