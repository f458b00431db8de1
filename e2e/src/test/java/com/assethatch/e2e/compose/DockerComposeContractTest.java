package com.assethatch.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml cannot be run on these machines (no container engine), so this checks it against
 * what it wires together: each service's application.properties, its Dockerfile and .dockerignore, the
 * Postgres init script, and the gateway's template and settings (gateway/). A plain JUnit test: it reads files only.
 */
class DockerComposeContractTest {

    private static final String POSTGRES = "postgres";
    private static final String REDIS = "redis";
    private static final String PROJECT_SERVICE = "project-service";
    private static final String EXPORT_SERVICE = "export-service";
    private static final String GATEWAY = "gateway";
    private static final String MINIO = "minio";
    private static final String MINIO_BUCKET = "minio-bucket";
    /** The opt-in profile that puts image bytes in MinIO (docker compose --env-file docker/s3.env up). */
    private static final String S3_PROFILE = "s3";
    private static final List<String> APPS = List.of(PROJECT_SERVICE, EXPORT_SERVICE);
    private static final String GATEWAY_TEMPLATE = "gateway/templates/asset-hatch.conf.template";
    private static final String GATEWAY_SETTINGS = "gateway/gateway.env";
    /** Where the official nginx image looks for templates to render into /etc/nginx/conf.d/. */
    private static final String NGINX_TEMPLATES = "/etc/nginx/templates";

    /** Variables a service may get that are not configuration keys: the images' JVM options. */
    /**
     * Variables that are no key of application.properties: the JVM's options, and authentication settings whose keys
     * live in libraries (common's AuthConfig reads AUTH_SECRET; smallrye-jwt reads mp.jwt.verify.*).
     */
    private static final Set<String> NON_CONFIG_VARIABLES = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "AUTH_SECRET",
            "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES", "MP_JWT_VERIFY_PUBLICKEY",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "ASSET_HATCH_AUTH_LEGACY_OWNER");

    /**
     * Commands the health checks may use, per image, as checked in each image's own build files
     * (eclipse-temurin installs curl and wget; postgres ships pg_isready; redis ships redis-cli).
     * Changing an image means checking again what it contains.
     */
    private static final Map<String, Set<String>> COMMANDS_IN_IMAGE = Map.of(
            "eclipse-temurin:", Set.of("curl", "wget"),
            "postgres:", Set.of("pg_isready"),
            "redis:", Set.of("redis-cli"),
            "nginx:", Set.of("curl"),
            "minio/minio:", Set.of("mc"));

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Properties> appProperties;

    @BeforeAll
    static void readFiles() throws IOException {
        root = repositoryRoot();
        Path composeFile = root.resolve("docker-compose.yml");
        assertThat(composeFile).as("docker-compose.yml at the repository root").isRegularFile();
        compose = yaml(composeFile);
        appProperties = new LinkedHashMap<>();
        for (String app : APPS) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(root.resolve(app + "/src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            appProperties.put(app, properties);
        }
    }

    @Test
    void composeRunsPostgresRedisBothServicesAndTheGateway() {
        assertThat(services().keySet().stream().filter(name -> profiles(name).isEmpty()))
                .as("the services a plain `docker compose up` runs")
                .containsExactlyInAnyOrder(POSTGRES, REDIS, PROJECT_SERVICE, EXPORT_SERVICE, GATEWAY);
        assertThat(services().keySet().stream().filter(name -> !profiles(name).isEmpty()))
                .as("the services of opt-in profiles").containsExactlyInAnyOrder(MINIO, MINIO_BUCKET);
        assertThat(string(service(POSTGRES), "image")).matches("postgres:1[56](\\..*)?");
        assertThat(string(service(REDIS), "image")).matches("redis:7(\\..*)?");
        assertThat(string(service(GATEWAY), "image")).as("the official nginx image").matches("nginx:1\\.\\d+(\\..*)?");
    }

    @Test
    void theS3ProfileRunsMinioWithItsBucketAndSwitchesBothServicesToTheS3Store() throws IOException {
        assertThat(profiles(MINIO)).containsExactly(S3_PROFILE);
        assertThat(profiles(MINIO_BUCKET)).containsExactly(S3_PROFILE);
        assertThat(string(service(MINIO), "image")).as("the official MinIO image").startsWith("minio/minio:");
        assertThat(dependsOn(MINIO_BUCKET)).containsExactlyEntriesOf(Map.of(MINIO, "service_healthy"));
        assertThat(volumes(MINIO)).anySatisfy(volume -> assertNamedVolume(volume, "/data", map(compose, "volumes")));
        Map<String, String> s3Settings = envFile("docker/s3.env");
        assertThat(s3Settings).containsEntry("COMPOSE_PROFILES", S3_PROFILE).containsEntry("ASSET_HATCH_IMAGES_STORE", "s3");
        for (String app : APPS) {
            Map<String, String> environment = environment(app);
            assertThat(environment).as("%s's image store without docker/s3.env", app)
                    .containsEntry("ASSET_HATCH_IMAGES_STORE", "postgres")
                    .containsEntry("ASSET_HATCH_IMAGES_S3_ENDPOINT", "http://" + MINIO + ":9000")
                    .containsEntry("ASSET_HATCH_IMAGES_S3_PATH_STYLE", "true")
                    .containsEntry("ASSET_HATCH_IMAGES_S3_ACCESS_KEY_ID", environment(MINIO).get("MINIO_ROOT_USER"))
                    .containsEntry("ASSET_HATCH_IMAGES_S3_SECRET_ACCESS_KEY", environment(MINIO).get("MINIO_ROOT_PASSWORD"));
            assertThat(optionalDependencies(app)).as("%s waits for the bucket when the profile is on", app)
                    .containsExactly(MINIO_BUCKET);
        }
    }

    @Test
    void theGatewayRunsTheTemplateScriptsGatewayRendersWithEveryVariableSet() throws IOException {
        assertThat(volumes(GATEWAY)).as("the gateway's volumes")
                .contains("./" + Path.of(GATEWAY_TEMPLATE).getParent() + ":" + NGINX_TEMPLATES + ":ro");
        assertThat(list(service(GATEWAY), "env_file").stream().map(Object::toString)).as("the gateway's env_file")
                .containsExactly("./" + GATEWAY_SETTINGS);

        Set<String> templateVariables = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{(\\w+)}").matcher(Files.readString(root.resolve(GATEWAY_TEMPLATE)));
        while (variable.find()) {
            templateVariables.add(variable.group(1));
        }
        Map<String, String> settings = gatewaySettings();
        assertThat(settings.keySet()).as("%s states a default for each variable of %s", GATEWAY_SETTINGS, GATEWAY_TEMPLATE)
                .containsExactlyInAnyOrderElementsOf(templateVariables);
        assertThat(environment(GATEWAY).keySet()).as("the gateway's environment: template variables and the image's own")
                .allSatisfy(name -> assertThat(templateVariables.contains(name) || name.startsWith("NGINX_")).isTrue());
        assertThat(environment(GATEWAY)).as("only the gateway's variables are substituted, never nginx's own $names")
                .containsEntry("NGINX_ENVSUBST_FILTER", "^GATEWAY_");
    }

    @Test
    void theGatewayProxiesToTheServicesByTheirComposeNamesAndPorts() {
        Map<String, String> gateway = new LinkedHashMap<>(gatewaySettings());
        gateway.putAll(environment(GATEWAY));
        assertThat(gateway.get("GATEWAY_PROJECT_SERVICE"))
                .isEqualTo(PROJECT_SERVICE + ":" + effectiveConfig(PROJECT_SERVICE, "quarkus.http.port").orElseThrow());
        assertThat(gateway.get("GATEWAY_EXPORT_SERVICE"))
                .isEqualTo(EXPORT_SERVICE + ":" + effectiveConfig(EXPORT_SERVICE, "quarkus.http.port").orElseThrow());
        assertThat(ports(GATEWAY)).as("the gateway's published ports").containsExactly(
                gateway.get("GATEWAY_PORT") + ":" + gateway.get("GATEWAY_PORT"));
        assertThat(dependsOn(GATEWAY)).containsExactlyInAnyOrderEntriesOf(
                Map.of(PROJECT_SERVICE, "service_healthy", EXPORT_SERVICE, "service_healthy"));
        assertThat(healthCheck(GATEWAY)).as("the gateway's health check goes through it to a service")
                .contains(":" + gateway.get("GATEWAY_PORT") + "/docs/project-service/openapi");
    }

    @Test
    void eachServicePublishesThePortItsApplicationPropertiesListenOn() {
        for (String app : APPS) {
            int port = Integer.parseInt(effectiveConfig(app, "quarkus.http.port").orElseThrow());
            assertThat(ports(app)).as("%s's published ports (host:container), quarkus.http.port=%d", app, port)
                    .containsExactly(port + ":" + port);
        }
    }

    @Test
    void everyEnvironmentVariableOfAServiceNamesAKeyOfItsApplicationProperties() {
        for (String app : APPS) {
            Set<String> keysAsVariables = configKeys(app).stream()
                    .map(DockerComposeContractTest::environmentVariableOf).collect(Collectors.toSet());
            Set<String> referenced = referencedVariables(app);
            List<String> unknown = environment(app).keySet().stream()
                    .filter(name -> !keysAsVariables.contains(name.toUpperCase(Locale.ROOT)))
                    .filter(name -> name.startsWith("QUARKUS_")
                            || !(referenced.contains(name) || NON_CONFIG_VARIABLES.contains(name)))
                    .toList();
            assertThat(unknown)
                    .as("%s's environment variables that match no key of its application.properties "
                            + "(Quarkus maps QUARKUS_A_B to the key a.b or a-b) and no ${…} there (%s)", app, referenced)
                    .isEmpty();
        }
        assertThat(environment(EXPORT_SERVICE)).as("export-service never migrates: it has no JDBC datasource")
                .doesNotContainKey("QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    void theServicesReachPostgresAndRedisByTheirComposeServiceNames() {
        URI reactive = uri(effectiveConfig(PROJECT_SERVICE, "quarkus.datasource.reactive.url").orElseThrow());
        URI jdbc = uri(effectiveConfig(PROJECT_SERVICE, "quarkus.datasource.jdbc.url").orElseThrow().replaceFirst("^jdbc:", ""));
        URI exportReactive = uri(effectiveConfig(EXPORT_SERVICE, "quarkus.datasource.reactive.url").orElseThrow());
        for (URI database : List.of(reactive, jdbc, exportReactive)) {
            assertThat(database.getHost()).as("database host in %s", database).isEqualTo(POSTGRES);
            assertThat(database.getPort()).as("database port in %s", database).isEqualTo(5432);
            assertThat(database.getPath()).as("database in %s", database).isEqualTo("/" + databaseName(reactive));
        }
        URI redis = uri(effectiveConfig(PROJECT_SERVICE, "quarkus.redis.hosts").orElseThrow());
        assertThat(redis.getHost()).as("Redis host in %s", redis).isEqualTo(REDIS);
        assertThat(redis.getPort()).as("Redis port in %s", redis).isEqualTo(6379);
    }

    @Test
    void everyServiceHasAHealthCheckAndTheServicesAskTheirReadinessEndpoint() {
        assertThat(healthCheck(POSTGRES)).contains("pg_isready");
        assertThat(healthCheck(REDIS)).contains("redis-cli").containsIgnoringCase("ping");
        for (String app : APPS) {
            String port = effectiveConfig(app, "quarkus.http.port").orElseThrow();
            assertThat(healthCheck(app)).as("%s's health check", app).contains(":" + port + "/q/health/ready");
        }
        for (String name : services().keySet().stream().filter(name -> !name.equals(MINIO_BUCKET)).toList()) {
            assertThat(COMMANDS_IN_IMAGE.get(imagePrefix(baseImage(name))))
                    .as("commands known to be in %s's image %s", name, baseImage(name))
                    .contains(healthCheckCommand(name));
        }
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        assertThat(dependsOn(POSTGRES)).isEmpty();
        assertThat(dependsOn(REDIS)).isEmpty();
        assertThat(dependsOn(PROJECT_SERVICE))
                .containsExactlyInAnyOrderEntriesOf(Map.of(POSTGRES, "service_healthy", REDIS, "service_healthy"));
        // project-service migrates the schema export-service reads.
        assertThat(dependsOn(EXPORT_SERVICE))
                .containsExactlyInAnyOrderEntriesOf(Map.of(POSTGRES, "service_healthy", PROJECT_SERVICE, "service_healthy"));
    }

    @Test
    void postgresAndRedisKeepTheirDataInNamedVolumes() {
        Map<String, Object> declared = map(compose, "volumes");
        assertThat(volumes(POSTGRES)).anySatisfy(volume -> assertNamedVolume(volume, "/var/lib/postgresql/data", declared));
        assertThat(volumes(REDIS)).anySatisfy(volume -> assertNamedVolume(volume, "/data", declared));
    }

    @Test
    void eachServiceIsBuiltFromItsDockerfileAsAnUnprivilegedUserWithAReadinessHealthCheck() throws IOException {
        for (String app : APPS) {
            Map<String, Object> build = map(service(app), "build");
            Path context = root.resolve(string(build, "context")).normalize();
            assertThat(context).as("%s's build context", app).isEqualTo(root.resolve(app));
            Path dockerfile = context.resolve(string(build, "dockerfile")).normalize();
            assertThat(dockerfile).as("%s's Dockerfile", app).isRegularFile();
            List<String[]> instructions = dockerfileInstructions(dockerfile);
            String port = effectiveConfig(app, "quarkus.http.port").orElseThrow();

            List<String> users = arguments(instructions, "USER");
            assertThat(users).as("USER lines of %s", dockerfile).isNotEmpty();
            assertThat(users.get(users.size() - 1).split(":")[0]).as("the user %s runs as", dockerfile)
                    .isNotIn("root", "0");
            assertThat(arguments(instructions, "HEALTHCHECK")).as("HEALTHCHECK of %s", dockerfile)
                    .singleElement().asString().contains("/q/health/ready").contains(port);
            assertThat(arguments(instructions, "EXPOSE")).as("EXPOSE of %s", dockerfile).containsExactly(port);

            List<String> ignored = dockerignore(context);
            List<String> sources = arguments(instructions, "COPY").stream()
                    .map(arguments -> arguments.replaceAll("--\\S+\\s+", "").split("\\s+")[0]).toList();
            assertThat(sources).as("what %s copies", dockerfile).isNotEmpty().allSatisfy(source -> {
                assertThat(source).startsWith("target/quarkus-app/");
                assertThat(sentToTheBuild(ignored, exampleFileOf(source)))
                        .as("%s is left in the build context by %s/.dockerignore", source, app).isTrue();
            });
        }
    }

    @Test
    void theDatabaseRolesAreTheOnesTheServicesLogInWith() throws IOException {
        Path initScript = initScript();
        String sql = Files.readString(initScript);
        Map<String, String> roles = new LinkedHashMap<>();
        Set<String> readOnly = new TreeSet<>();
        Map<String, String> databaseOwners = new LinkedHashMap<>();
        for (String statement : sqlStatements(sql)) {
            Matcher role = Pattern.compile("(?i)CREATE ROLE \"?(\\w+)\"? (.*)").matcher(statement);
            Matcher readOnlyRole = Pattern.compile("(?i)ALTER ROLE \"?(\\w+)\"? SET default_transaction_read_only ?(=|TO) ?(on|true)")
                    .matcher(statement);
            Matcher database = Pattern.compile("(?i)CREATE DATABASE \"?(\\w+)\"? (WITH )?OWNER ?=? ?\"?(\\w+)\"?.*").matcher(statement);
            if (role.matches()) {
                roles.put(role.group(1), role.group(2));
            } else if (readOnlyRole.matches()) {
                readOnly.add(readOnlyRole.group(1));
            } else if (database.matches()) {
                databaseOwners.put(database.group(1), database.group(3));
            }
        }

        String owner = effectiveConfig(PROJECT_SERVICE, "quarkus.datasource.username").orElseThrow();
        String reader = effectiveConfig(EXPORT_SERVICE, "quarkus.datasource.username").orElseThrow();
        for (String app : APPS) {
            String user = effectiveConfig(app, "quarkus.datasource.username").orElseThrow();
            String password = effectiveConfig(app, "quarkus.datasource.password").orElseThrow();
            assertThat(roles).as("roles created by %s", initScript).containsKey(user);
            assertThat(roles.get(user)).as("options of role %s", user)
                    .containsPattern("(?i)\\bLOGIN\\b")
                    .containsIgnoringCase("PASSWORD '" + password + "'")
                    .doesNotContainPattern("(?i)\\b(SUPERUSER|CREATEROLE|BYPASSRLS)\\b");
        }
        assertThat(owner).isNotEqualTo(reader);
        assertThat(readOnly).as("roles whose transactions are read-only by default").containsExactly(reader);
        assertThat(effectiveConfig(PROJECT_SERVICE, "quarkus.flyway.placeholders.export_role"))
                .as("the role project-service's afterMigrate.sql grants SELECT to").contains(reader);
        String database = databaseName(uri(effectiveConfig(PROJECT_SERVICE, "quarkus.datasource.reactive.url").orElseThrow()));
        assertThat(databaseOwners).as("databases created by %s, with their owners", initScript)
                .containsEntry(database, owner);
    }

    @Test
    void theEngineWaitsLongerThanTheServicesGracefulShutdown() {
        for (String app : APPS) {
            Duration shutdownTimeout = quarkusDuration(effectiveConfig(app, "quarkus.shutdown.timeout")
                    .orElseThrow(() -> new AssertionError(app + " sets no quarkus.shutdown.timeout")));
            Duration gracePeriod = composeDuration(Optional.ofNullable(service(app).get("stop_grace_period"))
                    .map(Object::toString).orElse("10s"));
            assertThat(gracePeriod)
                    .as("%s's stop_grace_period (after it, the engine kills the JVM) against quarkus.shutdown.timeout", app)
                    .isGreaterThan(shutdownTimeout);
        }
    }

    // --- gateway/ --------------------------------------------------------------------------------

    /** gateway/gateway.env as name → default, in the file's order. */
    private static Map<String, String> gatewaySettings() {
        try {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String line : Files.readAllLines(root.resolve(GATEWAY_SETTINGS))) {
                if (!line.isBlank() && !line.trim().startsWith("#")) {
                    String[] pair = line.split("=", 2);
                    settings.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
                }
            }
            return settings;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + GATEWAY_SETTINGS, e);
        }
    }

    // --- docker-compose.yml ---------------------------------------------------------------------

    private static Map<String, Object> services() {
        return map(compose, "services");
    }

    private static Map<String, Object> service(String name) {
        return map(services(), name);
    }

    /** The environment as the service sees it, ${VAR:-default} interpolated with its default. */
    private static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(key.toString(), interpolate(value == null ? "" : value.toString())));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = entry.toString().split("=", 2);
                result.put(pair[0], pair.length > 1 ? interpolate(pair[1]) : "");
            }
        }
        return result;
    }

    /** Published ports as host:container, from the short ("8080:8080") or the long syntax. */
    private static List<String> ports(String name) {
        List<String> result = new ArrayList<>();
        for (Object port : list(service(name), "ports")) {
            if (port instanceof Map<?, ?> longSyntax) {
                result.add(longSyntax.get("published") + ":" + longSyntax.get("target"));
            } else {
                String[] parts = interpolate(port.toString()).replaceFirst("/tcp$", "").split(":");
                result.add(parts.length == 1 ? parts[0] + ":" + parts[0]
                        : parts[parts.length - 2] + ":" + parts[parts.length - 1]);
            }
        }
        return result;
    }

    private static String healthCheck(String name) {
        Object test = map(service(name), "healthcheck").get("test");
        assertThat(test).as("%s's healthcheck.test", name).isNotNull();
        if (test instanceof List<?> parts) {
            assertThat(parts.get(0).toString()).as("%s's healthcheck.test form", name).isIn("CMD", "CMD-SHELL");
            return parts.stream().skip(1).map(Object::toString).collect(Collectors.joining(" "));
        }
        return test.toString();
    }

    private static String healthCheckCommand(String name) {
        return healthCheck(name).trim().split("\\s+")[0];
    }

    /** The image a service runs: its own, or the FROM of the Dockerfile it is built from. */
    private static String baseImage(String name) {
        Map<String, Object> service = service(name);
        if (!service.containsKey("build")) {
            return string(service, "image");
        }
        Map<String, Object> build = map(service, "build");
        Path dockerfile = root.resolve(string(build, "context")).resolve(string(build, "dockerfile"));
        try {
            List<String> from = arguments(dockerfileInstructions(dockerfile), "FROM");
            return from.get(from.size() - 1).split("\\s+")[0];
        } catch (IOException e) {
            throw new AssertionError("cannot read " + dockerfile, e);
        }
    }

    private static String imagePrefix(String image) {
        return COMMANDS_IN_IMAGE.keySet().stream().filter(image::startsWith).findFirst().orElse(image);
    }

    /** The profiles a service belongs to; empty for the services a plain `up` starts. */
    private static List<String> profiles(String name) {
        return service(name).containsKey("profiles")
                ? list(service(name), "profiles").stream().map(Object::toString).toList() : List.of();
    }

    /** depends_on entries marked `required: false` (services of a profile that may be off). */
    private static List<String> optionalDependencies(String name) {
        List<String> result = new ArrayList<>();
        if (service(name).get("depends_on") instanceof Map<?, ?> entries) {
            entries.forEach((service, options) -> {
                if (options instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("required"))) {
                    result.add(service.toString());
                }
            });
        }
        return result;
    }

    /** A Compose env file as name → value. */
    private static Map<String, String> envFile(String path) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(root.resolve(path))) {
            if (!line.isBlank() && !line.trim().startsWith("#")) {
                String[] pair = line.split("=", 2);
                settings.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
            }
        }
        return settings;
    }

    /** depends_on as service → condition (required ones only); the short list syntax means service_started. */
    private static Map<String, String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> entries) {
            entries.forEach((service, options) -> {
                if (options instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("required"))) {
                    return; // optionalDependencies
                }
                result.put(service.toString(),
                        options instanceof Map<?, ?> map && map.get("condition") != null ? map.get("condition").toString()
                                : "service_started");
            });
        } else if (dependsOn instanceof List<?> entries) {
            entries.forEach(service -> result.put(service.toString(), "service_started"));
        }
        return result;
    }

    /** Volumes as source:target, from the short or the long syntax. */
    private static List<String> volumes(String name) {
        return list(service(name), "volumes").stream()
                .map(volume -> volume instanceof Map<?, ?> longSyntax
                        ? longSyntax.get("source") + ":" + longSyntax.get("target")
                        : volume.toString())
                .toList();
    }

    private static void assertNamedVolume(String volume, String target, Map<String, Object> declared) {
        String[] parts = volume.split(":");
        assertThat(parts[1]).isEqualTo(target);
        assertThat(parts[0]).as("a named volume, not a host path").doesNotContain("/").doesNotStartWith(".");
        assertThat(declared).as("top-level volumes").containsKey(parts[0]);
    }

    private static Path initScript() {
        List<Path> scripts = volumes(POSTGRES).stream()
                .filter(volume -> volume.split(":")[1].startsWith("/docker-entrypoint-initdb.d/"))
                .map(volume -> root.resolve(volume.split(":")[0]).normalize())
                .toList();
        assertThat(scripts).as("init script mounted into Postgres' /docker-entrypoint-initdb.d/").singleElement()
                .satisfies(script -> assertThat(script).isRegularFile().hasFileName("init.sql"));
        return scripts.get(0);
    }

    /** ${VAR}, ${VAR:-default} and ${VAR-default} as Compose interpolates them with VAR unset. */
    private static String interpolate(String value) {
        return Pattern.compile("\\$\\{\\w+(:?-([^}]*))?}").matcher(value)
                .replaceAll(match -> Matcher.quoteReplacement(match.group(2) == null ? "" : match.group(2)));
    }

    // --- application.properties -----------------------------------------------------------------

    /** Keys that apply outside tests: without a profile or in %prod. */
    private static Set<String> configKeys(String app) {
        return appProperties.get(app).stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%") || key.startsWith("%prod."))
                .map(key -> key.replaceFirst("^%prod\\.", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Variables that values refer to as ${NAME} or ${NAME:default}. */
    private static Set<String> referencedVariables(String app) {
        Set<String> names = new TreeSet<>();
        for (String value : appProperties.get(app).values().stream().map(Object::toString).toList()) {
            Matcher matcher = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(value);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The environment variable Quarkus maps to a key: upper case, every other character '_'. */
    static String environmentVariableOf(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** A key's value in the container: its compose environment variable, else application.properties. */
    private static Optional<String> effectiveConfig(String app, String key) {
        String variable = environmentVariableOf(key);
        return Optional.ofNullable(environment(app).get(variable))
                .or(() -> Optional.ofNullable(appProperties.get(app).getProperty(key)));
    }

    // --- Dockerfile, .dockerignore, SQL ---------------------------------------------------------

    /** Instructions as {KEYWORD, arguments}, continuation lines joined, comments dropped. */
    private static List<String[]> dockerfileInstructions(Path dockerfile) throws IOException {
        List<String[]> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                String[] parts = current.toString().trim().split("\\s+", 2);
                instructions.add(new String[] {parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""});
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static List<String> arguments(List<String[]> instructions, String keyword) {
        return instructions.stream().filter(instruction -> instruction[0].equals(keyword))
                .map(instruction -> instruction[1].trim()).toList();
    }

    private static List<String> dockerignore(Path context) throws IOException {
        Path file = context.resolve(".dockerignore");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** A file a COPY source stands for, e.g. target/quarkus-app/lib/ → target/quarkus-app/lib/x. */
    private static String exampleFileOf(String source) {
        return (source.endsWith("/") ? source + "x" : source).replace("*", "x");
    }

    /**
     * Whether .dockerignore leaves a file in the build context: the last pattern matching the file or
     * one of its parent directories decides, and a leading '!' includes again.
     */
    static boolean sentToTheBuild(List<String> patterns, String file) {
        boolean sent = true;
        for (String pattern : patterns) {
            boolean include = pattern.startsWith("!");
            String glob = (include ? pattern.substring(1) : pattern).replaceAll("^/+|/+$", "");
            Pattern regex = Pattern.compile(glob.replace(".", "\\.").replace("**", "\u0000")
                    .replace("*", "[^/]*").replace("?", "[^/]").replace("\u0000", ".*"));
            String path = file;
            while (true) {
                if (regex.matcher(path).matches()) {
                    sent = include;
                    break;
                }
                int slash = path.lastIndexOf('/');
                if (slash < 0) {
                    break;
                }
                path = path.substring(0, slash);
            }
        }
        return sent;
    }

    private static List<String> sqlStatements(String sql) {
        return Pattern.compile(";").splitAsStream(sql.replaceAll("--[^\\n]*", ""))
                .map(statement -> statement.replaceAll("\\s+", " ").trim())
                .filter(statement -> !statement.isEmpty()).toList();
    }

    // --- small helpers --------------------------------------------------------------------------

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("repository root (with .mvn/) not found above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("'%s' (a mapping)", key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("'%s' (a list)", key).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static String string(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("'%s'", key).isNotNull();
        return value.toString();
    }

    private static URI uri(String value) {
        return URI.create(value);
    }

    private static String databaseName(URI database) {
        return database.getPath().replaceFirst("^/", "");
    }

    /** Quarkus durations: 30 (seconds), 30S / 500ms / 2h, or ISO-8601 (PT30S). */
    static Duration quarkusDuration(String value) {
        String trimmed = value.trim();
        if (trimmed.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        if (trimmed.toLowerCase(Locale.ROOT).endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)));
        }
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(trimmed);
        }
        return trimmed.toUpperCase(Locale.ROOT).endsWith("D") ? Duration.parse("P" + trimmed) : Duration.parse("PT" + trimmed);
    }

    /** Compose durations: 40s, 1m30s, 500ms, 2h. */
    static Duration composeDuration(String value) {
        Matcher part = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.trim());
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find()) {
            assertThat(part.start()).as("Compose duration %s", value).isEqualTo(end);
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            end = part.end();
        }
        assertThat(end).as("Compose duration %s", value).isEqualTo(value.trim().length()).isPositive();
        return total;
    }
}
