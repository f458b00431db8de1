package com.assethatch.e2e.corpus;

import com.assethatch.e2e.support.LocalAuth;
import com.assethatch.e2e.support.LocalProcesses.Running;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Aims the corpus at every operation of both specs: hostile path ids, raw bodies with right and wrong content
 * types, a wrong value in each property of each JSON body, hostile images in every image property and file part,
 * markdown stress as request bodies and as the stored plan the export parses, garbled values in every header the
 * API reads and in every query parameter. Requests run a few at a time; each answer is judged by {@link Judge}.
 */
public final class CorpusRun {

    /** A hang is anything slower than this; the slowest honest answer (a 2 MB plan) takes well under a second. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int PARALLEL = 4;
    /** Past Vert.x's default request-line limit (4096): the HTTP layer may refuse such a target itself. */
    private static final int LONG_TARGET = 4000;
    private static final String PLAN_TYPE = "entities.json";
    private static final String BENIGN_PLAN = "# Plan\n## Characters\n- Farmer\n";
    private static final String JSON = "application/json";
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=corpus");
    private static final String BOUNDARY = "corpus-boundary-7d1e";
    private static final String AUTHORIZATION = "Authorization";

    /** The corpus size and what became of it. */
    public record Result(int corpusEntries, int requests, int routes, List<String> faults, int staleConnectionRetries,
            Duration took) {

        public String summary() {
            return String.format(Locale.ROOT, "malformed-input corpus: %d entries, %d routes, %d requests, %d faults "
                    + "(5xx, hang, dropped connection or error outside the error shape), %d retried on a new "
                    + "connection, %.1f s", corpusEntries, routes, requests, faults.size(), staleConnectionRetries,
                    took.toMillis() / 1000.0);
        }
    }

    private final Path corpus;
    private final Path root;
    private final Map<String, Running> services;
    private final ObjectMapper json = new ObjectMapper();
    private final Sender sender = new Sender(TIMEOUT);
    private final Judge judge = new Judge();
    private final ConcurrentLinkedQueue<String> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private String projectId;
    private String assetId;

    public CorpusRun(Path root, Map<String, Running> services) {
        this.root = root;
        this.corpus = root.resolve("e2e/src/test/resources/corpus");
        this.services = services;
    }

    public Result run() throws Exception {
        long started = System.nanoTime();
        List<Routes> specs = new ArrayList<>();
        List<Routes.Operation> operations = new ArrayList<>();
        for (String service : services.keySet()) {
            Routes routes = Routes.of(service, root.resolve("openapi/" + service + ".yaml"));
            specs.add(routes);
            operations.addAll(routes.operations());
        }
        createValidData();

        List<String> ids = Recipes.lines(corpus.resolve("ids.txt"));
        Map<String, byte[]> bodies = files("bodies");
        List<String> wrongValues = Recipes.lines(corpus.resolve("wrong-values.txt"));
        List<String> queryValues = Recipes.lines(corpus.resolve("query-values.txt"));
        List<String> headerValues = Recipes.lines(corpus.resolve("header-values.txt")).stream().map(Recipes::unescape).toList();
        List<String> headers = Recipes.lines(corpus.resolve("headers.txt"));
        Map<String, byte[]> markdown = files("markdown");
        Map<String, byte[]> images = Images.hostile(corpus);
        Map<String, String> imageStrings = Images.asJsonStrings(corpus);
        int corpusEntries = ids.size() + bodies.size() + wrongValues.size() + queryValues.size() + headerValues.size()
                + headers.size() + markdown.size() + images.size() + imageStrings.size();

        for (Routes spec : specs) {
            for (Routes.Operation operation : spec.operations()) {
                List<Attack> attacks = new ArrayList<>();
                attacks.addAll(hostileIds(operation, ids));
                attacks.addAll(rawBodies(operation, bodies));
                attacks.addAll(wrongValues(spec, operation, wrongValues, imageStrings));
                attacks.addAll(multipart(spec, operation, images, wrongValues));
                attacks.addAll(markdownBodies(spec, operation, markdown));
                attacks.addAll(garbledHeaders(operation, headers, headerValues));
                attacks.addAll(garbledQueries(operation, queryValues));
                storeBenignPlan();
                runAll(attacks);
            }
        }
        storedPlans(markdown);
        Set<String> routes = new LinkedHashSet<>();
        operations.forEach(operation -> routes.add(operation.label()));
        return new Result(corpusEntries, requests.get(), routes.size(), List.copyOf(faults), sender.retries(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    // --- what is aimed at each operation -----------------------------------------------------------------------

    private List<Attack> hostileIds(Routes.Operation operation, List<String> ids) {
        if (operation.pathParameters().isEmpty()) {
            return List.of();
        }
        return ids.stream().map(id -> longTargetsMayBeRefused(withValidBody(operation, Attack.of(operation.service(),
                operation.method(), fill(operation.path(), id), "path id " + abbreviate(id))))).toList();
    }

    private static Attack longTargetsMayBeRefused(Attack attack) {
        return attack.target().length() > LONG_TARGET ? attack.mayBeRefusedByHttpCodec() : attack;
    }

    private List<Attack> rawBodies(Routes.Operation operation, Map<String, byte[]> bodies) {
        Set<String> types = new LinkedHashSet<>(operation.requestBodies().keySet());
        types.add(JSON);
        types.addAll(WRONG_CONTENT_TYPES);
        List<Attack> attacks = new ArrayList<>();
        bodies.forEach((name, body) -> {
            for (String type : types) {
                attacks.add(target(operation).body(type, body).labelled("body " + name + " as " + type));
            }
            attacks.add(target(operation).body(null, body).labelled("body " + name + " without Content-Type"));
        });
        return attacks;
    }

    private List<Attack> wrongValues(Routes spec, Routes.Operation operation, List<String> values,
            Map<String, String> imageStrings) {
        Map<String, Object> schema = operation.requestBodies().get(JSON);
        if (schema == null) {
            return List.of();
        }
        Map<String, Map<String, Object>> properties = spec.properties(schema);
        ObjectNode valid = validObject(spec, properties);
        List<Attack> attacks = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(properties.keySet());
        if (names.isEmpty()) {
            names.addAll(List.of("art_style", "mood", "unknown_key")); // free-form objects (qualities)
        }
        for (String name : names) {
            for (String value : values) {
                attacks.add(jsonBody(operation, with(valid, name, value), "property " + name + " = " + abbreviate(value)));
            }
            if (name.toLowerCase(Locale.ROOT).contains("image")) {
                imageStrings.forEach((label, image) -> attacks.add(jsonBody(operation,
                        with(valid, name, quoted(image)), "property " + name + " = image " + label)));
            }
        }
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        attacks.add(jsonBody(operation, empty.toString(), "empty object"));
        ObjectNode unknown = valid.deepCopy().put("unknownProperty\u0000", "x");
        attacks.add(jsonBody(operation, unknown.toString(), "unknown property with NUL in its name"));
        return attacks;
    }

    /** Multipart bodies for operations that take them: hostile image parts and hostile text fields. */
    private List<Attack> multipart(Routes spec, Routes.Operation operation, Map<String, byte[]> images, List<String> values) {
        Map.Entry<String, Map<String, Object>> form = operation.requestBodies().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("multipart/")).findFirst().orElse(null);
        if (form == null) {
            return List.of();
        }
        Map<String, Map<String, Object>> properties = spec.properties(form.getValue());
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> files = new LinkedHashSet<>();
        properties.forEach((name, property) -> {
            if ("binary".equals(spec.resolve(property).get("format"))) {
                files.add(name);
            } else {
                fields.put(name, exampleText(spec, name, property));
            }
        });
        List<Attack> attacks = new ArrayList<>();
        byte[] validImage = Images.validPng(corpus);
        for (String file : files) {
            images.forEach((name, image) -> attacks.add(multipartAttack(operation, fields, file, image, "image/png",
                    "file part " + file + " = " + name)));
            attacks.add(multipartAttack(operation, fields, file, validImage, "text/x-nonsense\u0000",
                    "file part with a garbled part Content-Type"));
        }
        for (String field : fields.keySet()) {
            for (String value : values) {
                Map<String, String> changed = new LinkedHashMap<>(fields);
                changed.put(field, unquote(value));
                attacks.add(multipartAttack(operation, changed, files.stream().findFirst().orElse("file"), validImage,
                        "image/png", "form field " + field + " = " + abbreviate(value)));
            }
            Map<String, String> rawBytes = new LinkedHashMap<>(fields);
            rawBytes.put(field, new String(new byte[] {'a', 0, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF},
                    StandardCharsets.ISO_8859_1));
            attacks.add(multipartAttack(operation, rawBytes, files.stream().findFirst().orElse("file"), validImage,
                    "image/png", "form field " + field + " = NUL and invalid UTF-8 bytes"));
        }
        return attacks;
    }

    private List<Attack> markdownBodies(Routes spec, Routes.Operation operation, Map<String, byte[]> markdown) {
        List<Attack> attacks = new ArrayList<>();
        for (String type : operation.requestBodies().keySet()) {
            if (type.startsWith("text/")) {
                markdown.forEach((name, text) -> attacks.add(target(operation).body(type, text)
                        .labelled("markdown " + name + " as " + type)));
            }
        }
        Map<String, Object> schema = operation.requestBodies().get(JSON);
        if (schema != null && spec.properties(schema).containsKey("content")) {
            ObjectNode valid = validObject(spec, spec.properties(schema));
            markdown.forEach((name, text) -> attacks.add(jsonBody(operation,
                    with(valid, "content", quoted(new String(text, StandardCharsets.UTF_8))), "content = markdown " + name)));
        }
        return attacks;
    }

    private List<Attack> garbledHeaders(Routes.Operation operation, List<String> readByTheServices, List<String> values) {
        Set<String> names = new LinkedHashSet<>(operation.headerParameters());
        names.addAll(readByTheServices);
        List<Attack> attacks = new ArrayList<>();
        for (String name : names) {
            for (String value : values) {
                Attack attack = withValidBody(operation, target(operation))
                        .header(name, value).labelled("header " + name + ": " + abbreviate(value));
                attacks.add(value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F)
                        ? attack.mayBeRefusedByHttpCodec() : attack);
            }
        }
        return attacks;
    }

    private List<Attack> garbledQueries(Routes.Operation operation, List<String> values) {
        List<Attack> attacks = new ArrayList<>();
        for (String parameter : operation.queryParameters()) {
            for (String value : values) {
                Attack base = withValidBody(operation, target(operation));
                attacks.add(longTargetsMayBeRefused(Attack.of(base.service(), base.method(), base.target() + "?"
                                + parameter + "=" + value, "query " + parameter + "=" + abbreviate(value))
                        .body(base.headers().get("Content-Type"), base.body())));
                attacks.add(longTargetsMayBeRefused(Attack.of(base.service(), base.method(), base.target() + "?"
                                + parameter + "=1&" + parameter + "=" + value, "query " + parameter + " twice")
                        .body(base.headers().get("Content-Type"), base.body())));
            }
        }
        return attacks;
    }

    /**
     * Each operation's attacks start with an ordinary plan stored: attacks on the memory-file routes store the
     * markdown stresses as the plan, and whichever was stored last would otherwise be parsed by every later attack on
     * an export route (hundreds of them at up to 2 s of CPU each, so the run took 70 to 300 s by chance). Each
     * stress is parsed as the stored plan by {@link #storedPlans}.
     */
    private void storeBenignPlan() throws Exception {
        require(sendChecked(storePlan(BENIGN_PLAN, "store an ordinary plan")), 201, "store an ordinary plan");
    }

    /** Saving {@code content} as the corpus project's plan. */
    private Attack storePlan(String content, String label) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("type", PLAN_TYPE).put("content", content);
        return Attack.of("project-service", "POST", "/api/projects/" + projectId + "/memory-files", label)
                .body(JSON, json.writeValueAsBytes(body));
    }

    /** Each markdown stress stored as the project's plan, then the export routes that parse it. */
    private void storedPlans(Map<String, byte[]> markdown) throws Exception {
        for (Map.Entry<String, byte[]> text : markdown.entrySet()) {
            String plan = new String(text.getValue(), StandardCharsets.UTF_8);
            runAll(List.of(storePlan(plan, "store plan " + text.getKey())));
            List<Attack> reads = new ArrayList<>();
            reads.add(Attack.of("export-service", "GET", "/api/projects/" + projectId + "/export/manifest",
                    "manifest of stored plan " + text.getKey()));
            reads.add(Attack.of("export-service", "GET", "/api/projects/" + projectId + "/export",
                    "export of stored plan " + text.getKey()));
            reads.add(Attack.of("export-service", "POST", "/api/plans/parse?projectId=" + projectId,
                    "parse of stored plan " + text.getKey()));
            runAll(reads);
        }
    }

    // --- valid data to aim past the first checks --------------------------------------------------------------

    private void createValidData() throws Exception {
        projectId = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
        Sender.Answer created = sendChecked(Attack.of("project-service", "POST", "/api/projects", "create project")
                .body(JSON, json.writeValueAsBytes(Map.of("id", projectId, "name", "Corpus"))));
        require(created, 201, "create the corpus project");
        assetId = UUID.randomUUID().toString();
        Sender.Answer uploaded = sendChecked(Attack.of("project-service", "POST", "/api/generated-assets", "upload asset")
                .body(JSON, json.writeValueAsBytes(Map.of("id", assetId, "projectId", projectId,
                        "assetId", projectId + "-asset-0",
                        "imageBlob", Base64.getEncoder().encodeToString(Images.validPng(corpus))))));
        require(uploaded, 200, "upload the corpus asset");
    }

    private static void require(Sender.Answer answer, int status, String what) {
        if (answer.status() != status && !(status == 201 && answer.status() == 200)) {
            throw new IllegalStateException("Cannot " + what + ": " + answer.status() + " "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    private Attack target(Routes.Operation operation) {
        // DELETE aims at ids that do not exist, so the data the other attacks go through stays.
        String id = "DELETE".equals(operation.method()) ? "corpus-missing"
                : operation.path().startsWith("/api/generated-assets") ? assetId : projectId;
        return Attack.of(operation.service(), operation.method(), fill(operation.path(), id), "valid target");
    }

    private Attack withValidBody(Routes.Operation operation, Attack attack) {
        if (operation.requestBodies().containsKey(JSON)) {
            return attack.body(JSON, "{}".getBytes(StandardCharsets.UTF_8));
        }
        return operation.requestBodies().keySet().stream().filter(type -> type.startsWith("text/")).findFirst()
                .map(type -> attack.body(type, BENIGN_PLAN.getBytes(StandardCharsets.UTF_8)))
                .orElse(attack);
    }

    private ObjectNode validObject(Routes spec, Map<String, Map<String, Object>> properties) {
        ObjectNode valid = JsonNodeFactory.instance.objectNode();
        properties.forEach((name, property) -> {
            Map<String, Object> resolved = spec.resolve(property);
            if (name.equals("projectId")) {
                valid.put(name, projectId);
            } else if (name.equals("id") && properties.containsKey("imageBlob")) {
                valid.put(name, UUID.randomUUID().toString());
            } else if (name.toLowerCase(Locale.ROOT).contains("image")) {
                valid.put(name, Base64.getEncoder().encodeToString(Images.validPng(corpus)));
            } else if (name.equals("type") && resolved.get("enum") instanceof List<?> types && types.contains(PLAN_TYPE)) {
                valid.put(name, PLAN_TYPE);
            } else {
                JsonNode example = example(property, resolved);
                if (example != null) {
                    valid.set(name, example);
                }
            }
        });
        return valid;
    }

    private JsonNode example(Map<String, Object> property, Map<String, Object> resolved) {
        for (Map<String, Object> schema : List.of(property, resolved)) {
            if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
                return json.valueToTree(examples.get(0));
            }
            if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
                return json.valueToTree(values.get(0));
            }
        }
        return null;
    }

    private String exampleText(Routes spec, String name, Map<String, Object> property) {
        if (name.equals("projectId")) {
            return projectId;
        }
        if (name.equals("id")) {
            return UUID.randomUUID().toString();
        }
        JsonNode example = example(property, spec.resolve(property));
        return example == null ? "x" : example.isTextual() ? example.textValue() : example.toString();
    }

    private Attack jsonBody(Routes.Operation operation, String body, String label) {
        return target(operation).body(JSON, body.getBytes(StandardCharsets.UTF_8)).labelled(label);
    }

    private Attack multipartAttack(Routes.Operation operation, Map<String, String> fields, String file, byte[] content,
            String fileType, String label) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n"));
        write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + file + "\"; filename=\"x.png\"\r\n"
                + "Content-Type: " + fileType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + BOUNDARY + "--\r\n");
        return target(operation).body("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray()).labelled(label);
    }

    /** Text as ISO-8859-1 when it holds raw bytes (chars up to U+00FF only), else as UTF-8. */
    private static void write(ByteArrayOutputStream out, String text) {
        boolean rawBytes = text.chars().allMatch(c -> c <= 0xFF);
        out.writeBytes(text.getBytes(rawBytes ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
    }

    private String with(ObjectNode valid, String name, String jsonValue) {
        // Spliced as text: some values (1e400, 100k nesting) are not what a JSON library would write.
        ObjectNode copy = valid.deepCopy();
        copy.remove(name);
        String rest = copy.toString();
        String member = quoted(name) + ": " + jsonValue;
        return rest.equals("{}") ? "{" + member + "}" : "{" + member + ", " + rest.substring(1);
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String jsonValue) {
        return jsonValue.length() >= 2 && jsonValue.startsWith("\"") && jsonValue.endsWith("\"")
                ? jsonValue.substring(1, jsonValue.length() - 1) : jsonValue;
    }

    private static String fill(String path, String id) {
        return path.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(id));
    }

    private Map<String, byte[]> files(String directory) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> listing = Files.list(corpus.resolve(directory))) {
            listing.sorted().forEach(file -> files.put(file.getFileName().toString(),
                    file.toString().endsWith(".recipe") ? Recipes.expandFile(file) : read(file)));
        }
        return files;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        String printable = text.chars().anyMatch(c -> c < 0x20 || (c >= 0xD800 && c <= 0xDFFF))
                ? text.codePoints().mapToObj(c -> c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)
                        ? String.format("\\u%04x", c) : Character.toString(c)).reduce("", String::concat)
                : text;
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…(" + text.length() + " chars)";
    }

    // --- running ----------------------------------------------------------------------------------------------

    private Sender.Answer sendChecked(Attack attack) throws Sender.NoAnswer {
        requests.incrementAndGet();
        return sender.send(withCredentials(attack), services.get(attack.service()).port());
    }

    /**
     * Every request carries the e2e user's credential (scripts/token, as any developer gets one), so the corpus
     * reaches past authentication; attacks on the Authorization header itself keep their garbled value.
     */
    private static Attack withCredentials(Attack attack) {
        return attack.headers().keySet().stream().anyMatch(AUTHORIZATION::equalsIgnoreCase)
                ? attack : attack.header(AUTHORIZATION, LocalAuth.authorization());
    }

    private void runAll(List<Attack> attacks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Attack attack : attacks) {
                running.add(pool.submit(() -> {
                    try {
                        judge.fault(attack, sendChecked(attack)).ifPresent(fault -> faults.add(attack.describe() + ": " + fault));
                    } catch (Sender.NoAnswer noAnswer) {
                        faults.add(attack.describe() + ": " + noAnswer.getMessage());
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
