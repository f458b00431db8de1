package com.assethatch.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Marks every property of a response schema {@code required}, so code generators (clients/typescript) type the
 * fields a client can rely on as present. That is true because the services' Jackson writes null fields as
 * {@code null} rather than leaving them out; a field that may be null says so with {@code @Schema(nullable = true)}.
 *
 * <p>Left alone: schemas that also describe a request (absent fields are allowed there), and schemas that declare
 * their own {@code required} list, which is how a {@code @JsonInclude(NON_NULL)} record names the fields it always
 * writes ({@code @Schema(required = true)} on them). Runs at build time, so the stored specs carry the lists.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AlwaysPresentResponseFields implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> inResponses = reachable(responseSchemas(openAPI), components);
        Set<String> inRequests = reachable(requestSchemas(openAPI), components);
        inResponses.removeAll(inRequests);
        inResponses.forEach(name -> requireAll(components.get(name)));
    }

    private static void requireAll(Schema schema) {
        if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()
                || (schema.getRequired() != null && !schema.getRequired().isEmpty())) {
            return;
        }
        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
    }

    private static List<Schema> responseSchemas(OpenAPI openAPI) {
        Stream<APIResponse> shared = openAPI.getComponents().getResponses() == null ? Stream.empty()
                : openAPI.getComponents().getResponses().values().stream();
        Stream<APIResponse> inline = operations(openAPI)
                .filter(operation -> operation.getResponses() != null && operation.getResponses().getAPIResponses() != null)
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream());
        return Stream.concat(shared, inline).map(APIResponse::getContent).flatMap(AlwaysPresentResponseFields::schemasOf).toList();
    }

    private static List<Schema> requestSchemas(OpenAPI openAPI) {
        Stream<Schema> bodies = operations(openAPI).map(Operation::getRequestBody).filter(Objects::nonNull)
                .map(RequestBody::getContent).flatMap(AlwaysPresentResponseFields::schemasOf);
        Stream<Schema> parameters = operations(openAPI).filter(operation -> operation.getParameters() != null)
                .flatMap(operation -> operation.getParameters().stream())
                .map(parameter -> parameter.getSchema()).filter(Objects::nonNull);
        return Stream.concat(bodies, parameters).toList();
    }

    private static Stream<Operation> operations(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return Stream.empty();
        }
        return openAPI.getPaths().getPathItems().values().stream().flatMap(item -> item.getOperations().values().stream());
    }

    private static Stream<Schema> schemasOf(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return Stream.empty();
        }
        return content.getMediaTypes().values().stream().map(mediaType -> mediaType.getSchema()).filter(Objects::nonNull);
    }

    /** The names of the component schemas the given schemas use, directly or through other schemas. */
    private static Set<String> reachable(Collection<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(COMPONENT_PREFIX)) {
                String name = ref.substring(COMPONENT_PREFIX.length());
                if (names.add(name) && components.get(name) != null) {
                    pending.push(components.get(name));
                }
            }
            children(schema).forEach(pending::push);
        }
        return names;
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        Stream.of(schema.getItems(), schema.getAdditionalPropertiesSchema(), schema.getNot())
                .filter(Objects::nonNull).forEach(children::add);
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(Objects::nonNull).forEach(children::addAll);
        return children;
    }
}
