package com.assethatch.project.live;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.project.projects.ProjectService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link ExistingProject}: an unknown project id, or another owner's, ends the request with 404 before it
 * starts (an SSE stream is checked once, when it is opened; its events are routed by owner from then on).
 */
public class ExistingProjectFilter {

    private final ProjectService projects;
    private final FoundProject found;
    private final CurrentUser currentUser;

    public ExistingProjectFilter(ProjectService projects, FoundProject found, CurrentUser currentUser) {
        this.projects = projects;
        this.found = found;
        this.currentUser = currentUser;
    }

    @ExistingProject
    @ServerRequestFilter
    public Uni<Void> requireProject(ContainerRequestContext request) {
        return projects.get(currentUser.id(), request.getUriInfo().getPathParameters().getFirst("id")).invoke(found::set).replaceWithVoid();
    }
}
