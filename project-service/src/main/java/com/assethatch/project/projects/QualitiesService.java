package com.assethatch.project.projects;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.common.error.StaleVersionException;
import com.assethatch.project.events.ChangeEvent;
import com.assethatch.project.events.ChangeType;
import com.assethatch.project.writes.WritePipeline;
import com.assethatch.project.projects.Project;
import com.assethatch.project.projects.ProjectCache;
import com.assethatch.project.projects.ProjectRepository;
import com.assethatch.project.projects.ProjectService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The rules for qualities: only the seven known keys, a value is a non-empty string of bounded length
 * or null (which clears it), and an optional expected version guards against lost updates.
 */
@ApplicationScoped
public class QualitiesService {

    private final ProjectService projects;
    private final ProjectRepository repository;
    private final ProjectCache cache;
    private final QualitiesConfig config;
    private final WritePipeline writes;

    public QualitiesService(ProjectService projects, ProjectRepository repository, ProjectCache cache,
            QualitiesConfig config, WritePipeline writes) {
        this.projects = projects;
        this.repository = repository;
        this.cache = cache;
        this.config = config;
        this.writes = writes;
    }

    public Uni<Project> get(String projectId) {
        return projects.get(projectId);
    }

    /** Applies a partial update; keys not in {@code changes} keep their values. */
    public Uni<Project> update(String projectId, Map<String, String> changes, OptionalLong expectedVersion) {
        Map<QualityKey, String> validated = validate(changes);
        return writes.write(repository.updateQualities(projectId, validated, expectedVersion), cache::updateFor,
                        project -> new ChangeEvent(ChangeType.QUALITIES, project.id(), project.version(), QualitiesView.of(project)))
                .flatMap(updated -> updated.isPresent()
                        ? Uni.createFrom().item(updated.get())
                        : explainMissingUpdate(projectId, expectedVersion));
    }

    /** No row was updated: either there is no such project or If-Match named an older version. */
    private Uni<Project> explainMissingUpdate(String projectId, OptionalLong expectedVersion) {
        return repository.currentVersion(projectId).map(current -> {
            if (current.isEmpty()) {
                throw new ProjectNotFoundException();
            }
            throw new StaleVersionException(expectedVersion.orElseThrow(), current.getAsLong());
        });
    }

    private Map<QualityKey, String> validate(Map<String, String> changes) {
        if (changes == null || changes.isEmpty()) {
            throw ApiException.badRequest("Give at least one quality to change. Allowed keys: " + allowedKeys(),
                    Map.of("allowedKeys", QualityKey.NAMES));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Map<QualityKey, String> validated = new EnumMap<>(QualityKey.class);
        changes.forEach((name, value) -> QualityKey.fromSnakeName(name).ifPresentOrElse(key -> {
            if (value != null && value.isBlank()) {
                problems.put(name, "must not be empty (send null to clear it)");
            } else if (value != null && value.length() > config.maxValueLength()) {
                problems.put(name, "is too long (at most " + config.maxValueLength() + " characters)");
            } else {
                validated.put(key, value == null ? null : value.strip());
            }
        }, () -> problems.put(name, "is not a quality")));
        if (!problems.isEmpty()) {
            String summary = problems.entrySet().stream()
                    .map(problem -> "'" + problem.getKey() + "' " + problem.getValue())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw ApiException.badRequest("Invalid qualities: " + summary + ". Allowed keys: " + allowedKeys(),
                    Map.of("problems", problems, "allowedKeys", QualityKey.NAMES));
        }
        return validated;
    }

    private static String allowedKeys() {
        return String.join(", ", QualityKey.NAMES);
    }
}
