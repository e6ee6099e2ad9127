package dev.homeostat.apps.marketfeed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.homeostat.kafka.testing.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /profile} against hostile input: every bad request is a 400 with a short reason, never
 * file content, and the active profile stays.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class,
        initArgs = @ResourceArg(name = KafkaBrokerTestResource.TOPICS_ARG, value = "quotes:3"))
@QuarkusTestResource(TraceDirectoryResource.class)
class ProfileInputTest {

    @BeforeEach
    void knownProfile() {
        put("{\"type\":\"constant\",\"rate\":0}").statusCode(200);
    }

    @Test
    void readsATraceFromTheTraceDirectory() {
        put(trace("small.csv")).statusCode(200).body(containsString("small.csv"));
    }

    @Test
    void refusesPathTraversal() {
        refused(trace("../secret.csv"), "inside the trace directory");
        refused(trace("sub/../../secret.csv"), "inside the trace directory");
        refused(trace("../../../../../../../../etc/passwd"), "inside the trace directory");
    }

    @Test
    void refusesAbsolutePathsSuchAsProcSelfEnviron() {
        refused(trace("/proc/self/environ"), "relative to the trace directory");
        refused(trace(TraceDirectoryResource.TRACES.resolve("small.csv").toString()), "relative to the trace directory");
    }

    @Test
    void refusesASymbolicLinkThatLeadsOut() {
        refused(trace("escape.csv"), "a link leads out");
    }

    @Test
    void aMalformedTraceFileIsReportedWithoutItsContent() {
        refused(trace("bad.csv"), "bad.csv:2: value is not a number");
        refused(trace("missing.csv"), "no trace file 'missing.csv'");
    }

    @Test
    void refusesHugeAndOutOfRangeNumbers() {
        refused("{\"type\":\"constant\",\"rate\":1e300}", "rate must be a number in [0, 1000000]");
        refused("{\"type\":\"constant\",\"rate\":1e999}", "rate must be a number");
        refused("{\"type\":\"constant\",\"rate\":-1}", "rate must be a number");
        refused("{\"type\":\"constant\",\"rate\":" + "9".repeat(1000) + "}", "malformed profile JSON");
        refused("{\"type\":\"ramp\",\"fromRate\":1,\"toRate\":2,\"rampSeconds\":1e12}", "rampSeconds must be a number");
        refused("{\"type\":\"trace\",\"traceFile\":\"small.csv\",\"secondsPerPoint\":1,\"traceScale\":100000}",
                "trace peak rate");
    }

    @Test
    void refusesMalformedJsonAndOversizedFields() {
        refused("{\"type\":\"constant\",", "malformed profile JSON");
        refused("not json", "malformed profile JSON");
        refused("[1,2,3]", "malformed profile JSON");
        refused("{\"type\":\"constant\",\"rate\":1,\"extra\":true}", "unknown profile field 'extra'");
        refused("{\"type\":\"constant\",\"rate\":1} {}", "malformed profile JSON");
        refused("{\"type\":\"" + "x".repeat(2000) + "\"}", "malformed profile JSON");
        refused("{\"type\":\"" + "y".repeat(500) + "\"}", "type must be constant, ramp or trace");
        refused(trace("z".repeat(300) + ".csv"), "at most 255 printable characters");
        refused(" ".repeat(5000), "a JSON profile body is required");
        refused("{\"type\":\"constant\",\"rate\":1,\"traceFile\":\"" + "a".repeat(5000) + "\"}", "at most 4096 characters");
    }

    private static void refused(String body, String reason) {
        put(body).statusCode(400)
                .body(containsString(reason))
                .body(not(containsString(TraceDirectoryResource.SECRET)))
                .body(not(containsString("PATH=")))
                .body(not(containsString("root:")));
        assertEquals(0.0, given().get("/profile").then().statusCode(200).extract().jsonPath().getDouble("profile.rate"),
                "the old profile stays after: " + body.substring(0, Math.min(80, body.length())));
    }

    private static String trace(String file) {
        return "{\"type\":\"trace\",\"traceFile\":\"" + file + "\",\"secondsPerPoint\":1,\"traceScale\":0.01}";
    }

    private static ValidatableResponse put(String body) {
        return given().contentType(ContentType.JSON).body(body).put("/profile").then();
    }
}
