package com.assethatch.common.auth;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only routes under /api, the way a service uses {@link CurrentUser}: blocking and reactive. */
@Path("/api/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    private final CurrentUser currentUser;

    ProbeResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    @Path("/whoami")
    @Operation(summary = "The caller's user id (worker thread)")
    public Map<String, String> whoAmI() {
        return Map.of("userId", currentUser.id());
    }

    @GET
    @Path("/whoami-reactive")
    @Operation(summary = "The caller's user id (event loop)")
    public Uni<Map<String, String>> whoAmIReactive() {
        String owner = currentUser.id();
        return Uni.createFrom().item(Map.of("userId", owner, "thread", Thread.currentThread().getName()));
    }
}
