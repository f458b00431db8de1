package com.assethatch.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Gives every operation without an explicit {@code operationId} one derived from its route, so code generators
 * (clients/typescript, any other) get names that change only when the route does:
 * {@code GET /api/projects/{id}/qualities} is {@code getProjectQualities}, {@code DELETE /api/projects/{id}} is
 * {@code deleteProject}. A segment followed by a path parameter is singular; {@code /api} is left out. An
 * {@code @Operation(operationId = ...)} in the code wins. Runs at build time, so the stored specs carry the ids.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OperationIdsFromRoutes implements OASFilter {

    private static final String API_PREFIX = "api";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, String> routesById = new HashMap<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> nameOperations(path, item, routesById));
    }

    private static void nameOperations(String path, PathItem item, Map<String, String> routesById) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            Operation operation = entry.getValue();
            String route = entry.getKey() + " " + path;
            if (operation.getOperationId() == null) {
                operation.setOperationId(operationId(entry.getKey().name(), path));
            }
            String clash = routesById.put(operation.getOperationId(), route);
            if (clash != null) {
                throw new IllegalStateException("operationId " + operation.getOperationId() + " names both " + clash
                        + " and " + route + ": give one of them @Operation(operationId = ...)");
            }
        }
    }

    /** e.g. ("GET", "/api/generated-assets/{id}/image") gives getGeneratedAssetImage. */
    static String operationId(String method, String path) {
        List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
        StringBuilder name = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (isParameter(segment) || (i == 0 && segment.equals(API_PREFIX))) {
                continue;
            }
            boolean namesOneItem = i + 1 < segments.size() && isParameter(segments.get(i + 1));
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
            if (namesOneItem && name.length() > 1 && name.charAt(name.length() - 1) == 's'
                    && name.charAt(name.length() - 2) != 's') {
                name.setLength(name.length() - 1);
            }
        }
        return name.toString();
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
