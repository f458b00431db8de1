package com.assethatch.project.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** With presigning on, GET …/image sends the client to the store itself; the URL works, briefly, and only as given. */
@QuarkusTest
@TestProfile(S3StoreProfile.Presigned.class)
class PresignedImageTest {

    @Test
    void theImageIsA302ToAPresignedUrlThatServesTheBytes() throws Exception {
        String project = Api.createProject(TestIds.projectId());
        byte[] png = TestImages.png(18, 12);
        String sha = TestImages.sha256(png);
        Api.uploadAsset(Api.originalApprovalBody(project + "-p", project, project + "-asset-0", png)).statusCode(200);

        String location = given().redirects().follow(false).when().get("/api/generated-assets/{id}/image", project + "-p")
                .then().statusCode(302).header("ETag", "\"" + sha + "\"").extract().header("Location");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> object = http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.body()).isEqualTo(png);
        assertThat(object.headers().firstValue("Content-Type")).hasValue("image/png");

        HttpResponse<byte[]> tampered = http.send(HttpRequest.newBuilder(URI.create(location.replace("X-Amz-Signature=",
                "X-Amz-Signature=0"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tampered.statusCode()).isEqualTo(403);

        given().redirects().follow(false).header("If-None-Match", "\"" + sha + "\"")
                .when().get("/api/generated-assets/{id}/image", project + "-p").then().statusCode(304);
    }
}
