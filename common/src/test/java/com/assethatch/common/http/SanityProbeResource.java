package com.assethatch.common.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Test-only routes outside /api (no credentials needed) that take ids, queries, JSON and multipart bodies. */
@Path("/sanity-probe")
public class SanityProbeResource {

    @GET
    @Path("/{id}")
    public Map<String, String> echo(@PathParam("id") String id, @QueryParam("q") String query) {
        return Map.of("id", id, "q", String.valueOf(query));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> json(Map<String, Object> body) {
        return body;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Map<String, String> form(@RestForm String name) {
        return Map.of("name", String.valueOf(name));
    }
}
