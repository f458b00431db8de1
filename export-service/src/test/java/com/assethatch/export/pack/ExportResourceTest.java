package com.assethatch.export.pack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.export.testsupport.ExportDatabase;
import com.assethatch.export.testsupport.ExportedZip;
import com.assethatch.export.testsupport.TestData;
import com.assethatch.export.testsupport.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@QuarkusTestResource(ExportDatabase.class)
class ExportResourceTest {

    private static final String ADR_PLAN = """
            # Asset Plan
            ## Characters
            - [MOVEABLE:8] Farmer
              - Description: straw hat, blue overalls
              - Idle (4-direction)
              - Jump (8-frame)
            ## Items & Props
            * Health Potion
            ## Environment
            - Oak Tree
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAdrScenarioExportsExactlyTheApprovedImagesWithTheirBytes(@TempDir Path dir) throws Exception {
        String p = TestData.projectId("adr");
        TestData.project(p, "Farm Game", Map.of("perspective", "side-view", "art_style", "Pixel Art (16-bit)",
                "theme", "Farm", "mode", "hybrid"));
        TestData.plan(p, ADR_PLAN);
        byte[] anchor = TestImages.png(4, 4, 99);
        TestData.anchor(p, anchor, "image/png");
        byte[] idle = TestImages.png(32, 8, 1);
        byte[] jump = TestImages.jpeg(10, 7, 2);
        byte[] potion = TestImages.webp(12, 9, 3);
        TestData.image(p + "-idle", p, p + "-asset-0", idle).size(32, 8).minute(1).seed(42).prompt("a farmer idling")
                .metadata("{\"model\": \"black-forest-labs/flux.2-pro\", \"seed\": 7}").insert();
        TestData.image(p + "-jump", p, p + "-asset-1", jump).mediaType("image/jpeg").minute(2)
                .metadata("{\"seed\": 1234}").insert();
        TestData.image(p + "-potion", p, p + "-asset-2", potion).mediaType("image/webp").minute(3).prompt("a potion")
                .insert();
        TestData.image(p + "-potion-rejected", p, p + "-asset-2", TestImages.png(5, 5, 4)).status("rejected")
                .size(5, 5).minute(4).insert();
        TestData.image(p + "-tree-generated", p, p + "-asset-3", TestImages.png(5, 5, 5)).status("generated")
                .size(5, 5).minute(5).insert();

        Response response = given().get("/api/projects/{id}/export", p);
        response.then().statusCode(200).contentType(ExportResource.APPLICATION_ZIP)
                .header("Content-Disposition", "attachment; filename=\"Farm_Game_assets.zip\"; "
                        + "filename*=UTF-8''Farm_Game_assets.zip");
        byte[] archive = response.asByteArray();
        ExportedZip zip = ExportedZip.read(archive);

        assertThat(zip.names()).containsExactly("manifest.json", "style_anchor.png",
                "characters/character_farmer_idle.png", "characters/character_farmer_jump_8frame.jpg",
                "items_props/item_prop_health_potion_default.webp");
        assertThat(zip.content().get("style_anchor.png")).isEqualTo(anchor);
        assertThat(zip.content().get("characters/character_farmer_idle.png")).isEqualTo(idle);
        assertThat(zip.content().get("characters/character_farmer_jump_8frame.jpg")).isEqualTo(jump);
        assertThat(zip.content().get("items_props/item_prop_health_potion_default.webp")).isEqualTo(potion);

        JsonNode manifest = zip.manifest();
        assertThat(manifest.at("/project/id").asText()).isEqualTo(p);
        assertThat(manifest.at("/project/name").asText()).isEqualTo("Farm Game");
        assertThat(manifest.at("/project/created").asText()).isEqualTo("2025-12-29T10:00:00.123Z");
        assertThat(manifest.at("/project/mode").asText()).isEqualTo("hybrid");
        assertThat(manifest.get("project").fieldNames()).toIterable().containsExactly("id", "name", "mode", "created");
        assertThat(manifest.at("/style/perspective").asText()).isEqualTo("side-view");
        assertThat(manifest.at("/style/artStyle").asText()).isEqualTo("Pixel Art (16-bit)");
        assertThat(manifest.at("/style/baseResolution").asText()).isEqualTo("32x32");
        assertThat(manifest.at("/style/colorPalette").asText()).isEqualTo("Vibrant");
        assertThat(manifest.at("/style/anchorImagePath").asText()).isEqualTo("style_anchor.png");
        assertThat(manifest.at("/style/theme").asText()).isEqualTo("Farm");
        assertThat(manifest.get("style").has("mood")).isFalse();
        assertThat(manifest.get("warnings")).isEmpty();

        // One manifest entry per image file, each naming the file's real bytes.
        JsonNode assets = manifest.get("assets");
        assertThat(assets).hasSize(3);
        for (JsonNode asset : assets) {
            byte[] file = zip.content().get(asset.get("path").asText());
            assertThat(file).as(asset.get("path").asText()).isNotNull();
            assertThat(asset.get("sha256").asText()).isEqualTo(TestData.sha256(file));
            assertThat(asset.get("bytes").asLong()).isEqualTo(file.length);
        }
        JsonNode idleEntry = assets.get(0);
        assertThat(idleEntry.get("id").asText()).isEqualTo("character_farmer_idle");
        assertThat(idleEntry.get("semanticName").asText()).isEqualTo("Characters - Farmer (Idle)");
        assertThat(idleEntry.get("category").asText()).isEqualTo("character");
        assertThat(idleEntry.get("tags")).extracting(JsonNode::asText).containsExactly("characters", "farmer", "idle");
        assertThat(idleEntry.get("frames").asInt()).isEqualTo(4);
        assertThat(idleEntry.get("aiDescription").asText()).isEqualTo("farmer idle (4-direction)");
        assertThat(idleEntry.get("assetId").asText()).isEqualTo(p + "-asset-0");
        assertThat(idleEntry.get("mediaType").asText()).isEqualTo("image/png");
        assertThat(idleEntry.get("dimensions")).isEqualTo(JSON.readTree("{\"width\": 32, \"height\": 8}"));
        assertThat(idleEntry.get("generationMetadata")).isEqualTo(JSON.readTree(
                "{\"prompt\": \"a farmer idling\", \"seed\": 42, \"model\": \"black-forest-labs/flux.2-pro\"}"));
        JsonNode jumpEntry = assets.get(1);
        assertThat(jumpEntry.get("frames").asInt()).isEqualTo(8);
        assertThat(jumpEntry.get("dimensions")).as("read from the JPEG header")
                .isEqualTo(JSON.readTree("{\"width\": 10, \"height\": 7}"));
        assertThat(jumpEntry.get("generationMetadata")).isEqualTo(JSON.readTree(
                "{\"prompt\": \"No prompt recorded\", \"seed\": 1234, \"model\": \"flux.2-pro\"}"));
        JsonNode potionEntry = assets.get(2);
        assertThat(potionEntry.get("category").asText()).isEqualTo("item & prop");
        assertThat(potionEntry.get("semanticName").asText()).isEqualTo("Items & Props - Health Potion (Default)");
        assertThat(potionEntry.get("dimensions")).as("read from the WebP header")
                .isEqualTo(JSON.readTree("{\"width\": 12, \"height\": 9}"));

        assertPassesUnzipTest(dir, archive);
    }

    @Test
    void multiDirectionVariantsAreExportedWhetherApprovedUnderCompositeOrGranularIds() {
        String p = TestData.projectId("dirs");
        TestData.project(p, "Knights", Map.of());
        TestData.plan(p, """
                ## Heroes
                - [MOVEABLE:8] Knight
                  - Walk (8-direction)
                  - Attack (4-direction)
                - Shield
                """);
        byte[] walkSheet = TestData.approved(p + "-walk", p, p + "-asset-0", 1, 11);
        byte[] walkFrontLeft = TestData.approved(p + "-walk-fl", p, p + "-asset-0-front_left", 2, 12);
        byte[] attackBack = TestData.approved(p + "-attack-back", p, p + "-asset-1-back", 3, 13);
        byte[] attackSheet = TestData.approved(p + "-attack", p, p + "-asset-1", 4, 14);

        ExportedZip zip = ExportedZip.read(given().contentType(ContentType.JSON).body(Map.of("projectId", p))
                .post("/api/export").then().statusCode(200).extract().asByteArray());

        JsonNode assets = zip.manifest().get("assets");
        assertThat(assets).extracting(a -> a.get("assetId").asText()).containsExactly(
                p + "-asset-0", p + "-asset-0-front_left", p + "-asset-1", p + "-asset-1-back");
        assertThat(assets.get(0).get("path").asText()).isEqualTo("heroes/hero_knight_walk.png");
        assertThat(assets.get(1).get("path").asText()).isEqualTo("heroes/hero_knight_walk_front_left.png");
        assertThat(zip.content().get(assets.get(0).get("path").asText())).isEqualTo(walkSheet);
        assertThat(zip.content().get(assets.get(1).get("path").asText())).isEqualTo(walkFrontLeft);
        assertThat(zip.content().get(assets.get(2).get("path").asText())).isEqualTo(attackSheet);
        assertThat(zip.content().get(assets.get(3).get("path").asText())).isEqualTo(attackBack);
        assertThat(zip.manifest().get("warnings")).isEmpty();
    }

    @Test
    void collisionsDuplicatesStrayImagesAndHostileCategoriesNeitherOverwriteNorDropNorEscape() {
        String p = TestData.projectId("clash");
        TestData.project(p, "Clash", Map.of());
        TestData.plan(p, """
                ## UI
                - Button
                - Button
                ## ../../etc
                - passwd
                ## Characters
                - Slime
                ## /absolute
                - Root
                """);
        Map<String, byte[]> exported = new LinkedHashMap<>();
        exported.put("button-1", TestData.approved(p + "-button-1", p, p + "-asset-0", 1, 21));
        exported.put("button-2", TestData.approved(p + "-button-2", p, p + "-asset-1", 2, 22));
        exported.put("passwd", TestData.approved(p + "-passwd", p, p + "-asset-2", 3, 23));
        byte[] oldSlime = TestData.approved(p + "-slime-old", p, p + "-asset-3", 4, 24);
        exported.put("slime-new", TestData.approved(p + "-slime-new", p, p + "-asset-3", 9, 25));
        exported.put("root", TestData.approved(p + "-root", p, p + "-asset-4", 5, 26));
        exported.put("stray", TestData.approved(p + "-stray", p, p + "-asset-99", 6, 27));
        exported.put("hostile", TestData.approved(p + "-hostile", p, "../../x", 7, 28));
        exported.put("stray-again", TestData.approved(p + "-stray-again", p, p + "-asset-99", 8, 29));

        ExportedZip zip = ExportedZip.read(given().get("/api/projects/{id}/export", p)
                .then().statusCode(200).extract().asByteArray());

        List<String> names = zip.names();
        assertThat(new HashSet<>(names)).as("entry names are unique").hasSameSizeAs(names);
        assertThat(names).allSatisfy(name -> {
            assertThat(name).doesNotStartWith("/").doesNotContain("..").doesNotContain("\\");
            assertThat(Path.of("/pack").resolve(name).normalize().startsWith(Path.of("/pack"))).as(name).isTrue();
        });
        // Every approved image is in the pack except the superseded approval, named in the warnings.
        Set<String> shas = new HashSet<>();
        zip.content().forEach((name, bytes) -> shas.add(TestData.sha256(bytes)));
        exported.forEach((label, bytes) -> assertThat(shas).as(label).contains(TestData.sha256(bytes)));
        assertThat(shas).doesNotContain(TestData.sha256(oldSlime));
        assertThat(names).hasSize(1 + exported.size());

        JsonNode manifest = zip.manifest();
        JsonNode assets = manifest.get("assets");
        assertThat(assets).hasSize(exported.size());
        List<String> ids = new ArrayList<>();
        assets.forEach(a -> ids.add(a.get("id").asText()));
        assertThat(new HashSet<>(ids)).as("manifest ids are unique").hasSameSizeAs(ids);
        assertThat(ids).contains("ui_button_default", "ui_button_default_2");
        assertThat(names).contains("ui/ui_button_default.png", "ui/ui_button_default_2.png",
                "etc/etc_passwd_default.png", "characters/character_slime_default.png",
                "unplanned/" + p + "-asset-99.png", "unplanned/" + p + "-asset-99_2.png", "unplanned/x.png");
        assertThat(names.subList(names.size() - 3, names.size())).as("unplanned images come last")
                .allSatisfy(name -> assertThat(name).startsWith("unplanned/"));

        List<String> warnings = new ArrayList<>();
        manifest.get("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains(p + "-slime-old").contains(p + "-slime-new"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains(p + "-stray ").contains("not in the plan"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains(p + "-stray-again").contains("not in the plan"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains(p + "-hostile").contains("unplanned/x.png"));
    }

    @Test
    void theSameDatabaseStateGivesByteIdenticalZipsWithStoredImagesAndADeflatedManifest() {
        String p = TestData.projectId("same");
        TestData.project(p, "Same", Map.of("base_resolution", "64x64"));
        TestData.plan(p, ADR_PLAN);
        TestData.anchor(p, TestImages.jpeg(6, 6, 5), "image/jpeg");
        TestData.approved(p + "-a", p, p + "-asset-0", 1, 31);
        TestData.approved(p + "-b", p, p + "-asset-2", 2, 32);
        TestData.approved(p + "-c", p, p + "-asset-7", 3, 33);

        byte[] first = given().get("/api/projects/{id}/export", p).then().statusCode(200).extract().asByteArray();
        byte[] second = given().get("/api/projects/{id}/export", p).then().statusCode(200).extract().asByteArray();
        byte[] posted = given().contentType(ContentType.JSON).body("{\"projectId\": \"" + p + "\"}")
                .post("/api/export").then().statusCode(200).extract().asByteArray();

        assertThat(second).isEqualTo(first);
        assertThat(posted).isEqualTo(first);
        ExportedZip zip = ExportedZip.read(first);
        assertThat(zip.names().get(0)).isEqualTo("manifest.json");
        assertThat(zip.names().get(1)).isEqualTo("style_anchor.jpg");
        assertThat(zip.entry("manifest.json").getMethod()).isEqualTo(ZipEntry.DEFLATED);
        assertThat(zip.entries().subList(1, zip.entries().size()))
                .allSatisfy(entry -> assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED));
        assertThat(zip.entries()).allSatisfy(entry ->
                assertThat(entry.getTimeLocal()).isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0)));
    }

    @Test
    void theManifestEndpointIsADryRunOfTheZipManifest() throws IOException {
        String p = TestData.projectId("dry");
        TestData.project(p, "Dry Run", Map.of("mood", "cosy", "game_genre", "Farming Sim"));
        TestData.plan(p, ADR_PLAN);
        TestData.approved(p + "-a", p, p + "-asset-1", 1, 41);
        TestData.approved(p + "-b", p, p + "-asset-1", 2, 42);

        JsonNode dryRun = JSON.readTree(given().get("/api/projects/{id}/export/manifest", p)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asByteArray());
        JsonNode inZip = ExportedZip.read(given().get("/api/projects/{id}/export", p)
                .then().statusCode(200).extract().asByteArray()).manifest();

        assertThat(dryRun).isEqualTo(inZip);
        assertThat(dryRun.at("/style/mood").asText()).isEqualTo("cosy");
        assertThat(dryRun.at("/style/gameGenre").asText()).isEqualTo("Farming Sim");
        assertThat(dryRun.get("warnings")).hasSize(1);
    }

    @Test
    void theFileNameHeaderIsSafeAsciiWithTheExactNameInFilenameStar() {
        String p = TestData.projectId("name");
        TestData.project(p, "Café  Farm \"X\"\tñ", Map.of());
        TestData.plan(p, ADR_PLAN);
        TestData.approved(p + "-a", p, p + "-asset-2", 1, 51);

        Response response = given().get("/api/projects/{id}/export", p);

        response.then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"Caf__Farm__X____assets.zip\"; "
                        + "filename*=UTF-8''Caf%C3%A9_Farm_%22X%22_%C3%B1_assets.zip");
        assertThat(response.getHeader("Content-Length")).isEqualTo(String.valueOf(response.asByteArray().length));
    }

    @Test
    void sizesComeFromTheImageElseFromTheBaseResolutionElseAreLeftOut() {
        String upper = TestData.projectId("res");
        TestData.project(upper, "Res", Map.of("base_resolution", "64X48"));
        TestData.plan(upper, ADR_PLAN);
        TestData.image(upper + "-a", upper, upper + "-asset-2", TestImages.pngWithoutSize(1)).minute(1)
                .metadata("{\"seed\": \"not a number\", \"model\": 42}").insert();
        String custom = TestData.projectId("custom");
        TestData.project(custom, "Custom", Map.of("base_resolution", "Custom"));
        TestData.plan(custom, ADR_PLAN);
        TestData.image(custom + "-a", custom, custom + "-asset-2", TestImages.pngWithoutSize(2)).minute(1)
                .metadata("{\"seed\": 77.0, \"model\": \"\"}").insert();

        JsonNode fromResolution = given().get("/api/projects/{id}/export/manifest", upper)
                .then().statusCode(200).extract().as(JsonNode.class).at("/assets/0");
        JsonNode none = given().get("/api/projects/{id}/export/manifest", custom)
                .then().statusCode(200).extract().as(JsonNode.class).at("/assets/0");

        assertThat(fromResolution.get("dimensions").toString()).isEqualTo("{\"width\":64,\"height\":48}");
        assertThat(fromResolution.at("/generationMetadata/seed").asLong()).isZero();
        assertThat(fromResolution.at("/generationMetadata/model").asText()).isEqualTo("flux.2-pro");
        assertThat(none.has("dimensions")).isFalse();
        assertThat(none.at("/generationMetadata/seed").asLong()).isEqualTo(77);
        assertThat(none.at("/generationMetadata/model").asText()).isEqualTo("flux.2-pro");
    }

    private static void assertPassesUnzipTest(Path dir, byte[] archive) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unzip")), "unzip is not installed");
        Path file = Files.write(dir.resolve("pack.zip"), archive);
        Process unzip = new ProcessBuilder("unzip", "-t", file.toString()).redirectErrorStream(true).start();
        String output = new String(unzip.getInputStream().readAllBytes());
        assertThat(unzip.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unzip.exitValue()).as(output).isZero();
        assertThat(output).contains("No errors detected");
    }
}
