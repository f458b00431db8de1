package com.assethatch.export.images;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.common.hash.Sha256;
import com.assethatch.common.imagestore.ImageStore;
import com.assethatch.common.imagestore.testing.ObjectStoreResource;
import com.assethatch.export.testsupport.ExportDatabase;
import com.assethatch.export.testsupport.ExportedZip;
import com.assethatch.export.testsupport.TestData;
import com.assethatch.export.testsupport.TestImages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The export reads image bytes from the real S3 store (Ceph radosgw) for rows that name an object, and from Postgres
 * for rows that still hold their bytes (a half-migrated database), in one archive.
 */
@QuarkusTest
@QuarkusTestResource(ExportDatabase.class)
@TestProfile(S3ExportTest.S3Store.class)
class S3ExportTest {

    public static class S3Store implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ObjectStoreResource.class));
        }
    }

    @Inject
    ImageStore store;

    @Test
    void anArchiveOfImagesInTheStoreAndInRowsHasEveryByteRight() throws Exception {
        String p = TestData.projectId("s3");
        TestData.project(p, "S3 Farm", Map.of());
        TestData.plan(p, "## Props\n- Crate\n- Barrel\n- Lamp\n");
        byte[] crate = TestData.approved(p + "-crate", p, p + "-asset-0", 1, 11);
        byte[] barrel = TestData.approved(p + "-barrel", p, p + "-asset-1", 2, 12);
        byte[] lamp = TestData.approved(p + "-lamp", p, p + "-asset-2", 3, 13);
        moveToStore(p + "-crate", crate);
        moveToStore(p + "-lamp", lamp);

        byte[] archive = given().when().get("/api/projects/{id}/export", p).then().statusCode(200)
                .extract().asByteArray();

        ExportedZip zip = ExportedZip.read(archive);
        assertThat(zip.content()).containsEntry("props/prop_crate_default.png", crate)
                .containsEntry("props/prop_barrel_default.png", barrel)
                .containsEntry("props/prop_lamp_default.png", lamp);
    }

    @Test
    void anOldRowWithoutSizeColumnsGetsItsDimensionsFromTheHeaderOfItsObject() throws Exception {
        String p = TestData.projectId("s3-size");
        TestData.project(p, "Sizes", Map.of());
        TestData.plan(p, "## Props\n- Crate\n");
        byte[] crate = TestData.image(p + "-crate", p, p + "-asset-0", TestImages.png(12, 7, 31)).minute(1).insert();
        moveToStore(p + "-crate", crate);

        ExportedZip zip = ExportedZip.read(given().when().get("/api/projects/{id}/export", p).then().statusCode(200)
                .extract().asByteArray());

        var dimensions = zip.manifest().get("assets").get(0).get("dimensions");
        assertThat(dimensions.get("width").asInt()).isEqualTo(12);
        assertThat(dimensions.get("height").asInt()).isEqualTo(7);
    }

    @Test
    void aRowWhoseObjectIsMissingNeverYieldsACompleteArchive() throws Exception {
        String p = TestData.projectId("s3-lost");
        TestData.project(p, "Lost", Map.of());
        TestData.plan(p, "## Props\n- Crate\n");
        TestData.approved(p + "-crate", p, p + "-asset-0", 1, 21);
        try (Connection db = TestData.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE generated_asset SET image = NULL, image_key = 'images/sha256/missing' WHERE id = ?")) {
            update.setString(1, p + "-crate");
            update.executeUpdate();
        }
        boolean complete;
        try {
            byte[] archive = given().when().get("/api/projects/{id}/export", p).then().extract().asByteArray();
            complete = ExportedZip.read(archive).content().containsKey("props/prop_crate_default.png");
        } catch (Exception truncated) { // the transfer breaks off: RestAssured rethrows the IOException unchecked
            complete = false;
        }
        assertThat(complete).isFalse();
    }

    /** What the migration does to a row: the object first, then the row names it and lets go of its bytes. */
    private void moveToStore(String id, byte[] image) throws Exception {
        String key = store.put(image, Sha256.hex(image), "image/png").orElseThrow();
        try (Connection db = TestData.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE generated_asset SET image = NULL, image_key = ? WHERE id = ?")) {
            update.setString(1, key);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
