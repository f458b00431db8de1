package com.assethatch.project.live;

import com.assethatch.project.projects.ProjectService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Enforces {@link ExistingProject}: an unknown project id ends the request with 404 before it starts. */
public class ExistingProjectFilter {

    private final ProjectService projects;
    private final FoundProject found;

    public ExistingProjectFilter(ProjectService projects, FoundProject found) {
        this.projects = projects;
        this.found = found;
    }

    @ExistingProject
    @ServerRequestFilter
    public Uni<Void> requireProject(ContainerRequestContext request) {
        return projects.get(request.getUriInfo().getPathParameters().getFirst("id")).invoke(found::set).replaceWithVoid();
    }
}
