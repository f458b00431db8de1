package com.assethatch.e2e.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Every operation of a committed OpenAPI spec: the corpus is aimed at these, so a new route is attacked too. */
final class Routes {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation, with what it declares: parameters by place, request content types and their schemas. */
    record Operation(String service, String method, String path, List<String> pathParameters,
            List<String> queryParameters, List<String> headerParameters, Map<String, Map<String, Object>> requestBodies) {

        String label() {
            return service + " " + method + " " + path;
        }
    }

    private final Map<String, Object> schemas;
    private final List<Operation> operations;

    private Routes(Map<String, Object> schemas, List<Operation> operations) {
        this.schemas = schemas;
        this.operations = operations;
    }

    List<Operation> operations() {
        return operations;
    }

    @SuppressWarnings("unchecked")
    static Routes of(String service, Path spec) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        Map<String, Object> document;
        try (Reader reader = Files.newBufferedReader(spec)) {
            document = new Yaml(options).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        Map<String, Object> schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            List<Map<String, Object>> parameters = new ArrayList<>((List<Map<String, Object>>) item.getOrDefault("parameters", List.of()));
            parameters.addAll((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of()));
            Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
            Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
            if (requestBody != null) {
                ((Map<String, Map<String, Object>>) requestBody.getOrDefault("content", Map.of()))
                        .forEach((type, content) -> bodies.put(type,
                                (Map<String, Object>) content.getOrDefault("schema", Map.of())));
            }
            operations.add(new Operation(service, method.toUpperCase(), path, named(parameters, "path"),
                    named(parameters, "query"), named(parameters, "header"), bodies));
        }));
        return new Routes(schemas, operations);
    }

    /** The schema itself, following a {@code $ref} to components/schemas. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref instanceof String name && name.startsWith("#/components/schemas/")) {
            return resolve((Map<String, Object>) schemas.getOrDefault(name.substring("#/components/schemas/".length()), Map.of()));
        }
        return schema;
    }

    /** A JSON object schema's properties (resolved), in declaration order; empty for anything else. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) resolve(schema).getOrDefault("properties", Map.of()))
                .forEach((name, property) -> properties.put(name, property));
        return properties;
    }

    private static List<String> named(List<Map<String, Object>> parameters, String in) {
        return parameters.stream().filter(parameter -> in.equals(parameter.get("in")))
                .map(parameter -> (String) parameter.get("name")).distinct().toList();
    }
}
