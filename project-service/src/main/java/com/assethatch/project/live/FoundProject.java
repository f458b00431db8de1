package com.assethatch.project.live;

import com.assethatch.project.projects.Project;
import jakarta.enterprise.context.RequestScoped;

/** The project {@link ExistingProjectFilter} found for this request, so the endpoint does not look it up again. */
@RequestScoped
public class FoundProject {

    private Project project;

    void set(Project project) {
        this.project = project;
    }

    public Project get() {
        if (project == null) {
            throw new IllegalStateException("No @ExistingProject filter ran for this request");
        }
        return project;
    }
}
