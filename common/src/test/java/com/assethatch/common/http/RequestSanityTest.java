package com.assethatch.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests the malformed-input corpus found answered with 500: a NUL in an id (Postgres fails the whole query), a
 * garbled Content-Type on a route with several @Consumes, a multipart Content-Type without a boundary, a multipart
 * body cut short. Each is a 400 in the error shape.
 */
@QuarkusTest
class RequestSanityTest {

    @Test
    void aNulInThePathOrQueryIsA400() {
        given().urlEncodingEnabled(false).when().get("/sanity-probe/a%00b")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("The path contains a NUL character (U+0000), which cannot be stored"));
        given().urlEncodingEnabled(false).when().get("/sanity-probe/x?q=%00")
                .then().statusCode(400).body("error", startsWith("Query parameter 'q' contains a NUL character"));
        given().when().get("/sanity-probe/ordinary-id?q=fine").then().statusCode(200).body("id", equalTo("ordinary-id"));
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIsA400() {
        given().header("Content-Type", "v0").body("{}".getBytes(StandardCharsets.US_ASCII)).when().post("/sanity-probe")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", startsWith("Content-Type is not a media type: v0"));
    }

    @Test
    void anAcceptThatIsNoListOfMediaTypesIsDisregarded() {
        given().header("Accept", "*, \"1\"").when().get("/sanity-probe/x")
                .then().statusCode(200).contentType(ContentType.JSON).body("id", equalTo("x"));
    }

    @Test
    void multipartWithoutABoundaryIsA400() {
        given().header("Content-Type", "multipart/form-data; boundary=").body("--\r\n".getBytes(StandardCharsets.US_ASCII)).when().post("/sanity-probe")
                .then().statusCode(400).body("error", containsString("needs a boundary parameter"));
    }

    @Test
    void aMultipartBodyCutShortIsA400() {
        byte[] cutShort = "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b"
                .getBytes(StandardCharsets.US_ASCII);
        given().header("Content-Type", "multipart/form-data; boundary=b").body(cutShort).when().post("/sanity-probe")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", startsWith("Malformed multipart body"));
        byte[] whole = "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b--\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        given().header("Content-Type", "multipart/form-data; boundary=b").body(whole).when().post("/sanity-probe")
                .then().statusCode(200).body("name", equalTo("x"));
    }
}
