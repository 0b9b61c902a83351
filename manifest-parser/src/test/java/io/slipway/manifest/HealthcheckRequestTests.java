package io.slipway.manifest;

import static io.slipway.manifest.Manifests.appJson;
import static io.slipway.manifest.Manifests.appJsonErrors;
import static io.slipway.manifest.Manifests.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parts of a health check that go into an HTTP request (scheme, path, port, headers) are errors when they could
 * send it anywhere but to the container's own address, or hold what does not belong in a request.
 */
class HealthcheckRequestTests {

    /** One check's field as JSON text, the path of the error it makes, and a part of the error's message. */
    record Refused(String name, String field, String path, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refusedParts() {
        return Stream.of(
                new Refused(
                        "a scheme carrying a URL to the host's admin API",
                        "\"scheme\": \"http://127.0.0.1:2019/config/#\"",
                        "healthchecks.web[0].scheme",
                        "expected \"http\" or \"https\", found \"http://127.0.0.1:2019/config/#\""),
                new Refused("another scheme", "\"scheme\": \"file\"", "healthchecks.web[0].scheme", "\"file\""),
                new Refused(
                        "a scheme in capitals", "\"scheme\": \"HTTP\"", "healthchecks.web[0].scheme", "\"http\" or"),
                new Refused(
                        "a path without its slash, which would follow the address",
                        "\"path\": \"@169.254.169.254/latest\"",
                        "healthchecks.web[0].path",
                        "must start with a single \"/\""),
                new Refused(
                        "a path that reads as a host",
                        "\"path\": \"//169.254.169.254/latest\"",
                        "healthchecks.web[0].path",
                        "must start with a single \"/\""),
                new Refused(
                        "a path with a line break",
                        "\"path\": \"/health HTTP/1.1\\r\\nHost: other\"",
                        "healthchecks.web[0].path",
                        "no control characters or white space, found one at character 8"),
                new Refused("a path with a tab", "\"path\": \"/a\\tb\"", "healthchecks.web[0].path", "white space"),
                new Refused(
                        "a path with a fragment", "\"path\": \"/health#x\"", "healthchecks.web[0].path", "no \"#\""),
                new Refused(
                        "a path that is no URL path",
                        "\"path\": \"/a|b\"",
                        "healthchecks.web[0].path",
                        "not a URL path: Illegal character in path at character 3"),
                new Refused(
                        "a path too long",
                        "\"path\": \"/" + "a".repeat(2048) + "\"",
                        "healthchecks.web[0].path",
                        "at most 2048 characters, not 2049"),
                new Refused("port 0", "\"port\": 0", "healthchecks.web[0].port", "a port from 1 to 65535, not 0"),
                new Refused(
                        "a port above 65535",
                        "\"port\": 65536",
                        "healthchecks.web[0].port",
                        "a port from 1 to 65535, not 65536"),
                new Refused(
                        "a header name with a line break",
                        "\"httpHeaders\": [{\"name\": \"X-A\\r\\nHost\", \"value\": \"1\"}]",
                        "healthchecks.web[0].httpHeaders[0].name",
                        "a header name holds only letters"),
                new Refused(
                        "a header name with a colon",
                        "\"httpHeaders\": [{\"name\": \"Host: other\", \"value\": \"1\"}]",
                        "healthchecks.web[0].httpHeaders[0].name",
                        "a header name holds only letters"),
                new Refused(
                        "an empty header name",
                        "\"httpHeaders\": [{\"name\": \"\", \"value\": \"1\"}]",
                        "healthchecks.web[0].httpHeaders[0].name",
                        "a header name of 1 to 256 characters"),
                new Refused(
                        "a header name too long",
                        "\"httpHeaders\": [{\"name\": \"" + "X".repeat(257) + "\", \"value\": \"1\"}]",
                        "healthchecks.web[0].httpHeaders[0].name",
                        "a header name of 1 to 256 characters"),
                new Refused(
                        "a header value with a line break",
                        "\"httpHeaders\": [{\"name\": \"X-A\", \"value\": \"1\\r\\nX-Injected: yes\"}]",
                        "healthchecks.web[0].httpHeaders[0].value",
                        "no control characters (CR, LF…), found one at character 2"),
                new Refused(
                        "a header value too long",
                        "\"httpHeaders\": [{\"name\": \"X-A\", \"value\": \"" + "v".repeat(4097) + "\"}]",
                        "healthchecks.web[0].httpHeaders[0].value",
                        "at most 4096 characters, not 4097"),
                new Refused(
                        "too many headers",
                        "\"httpHeaders\": ["
                                + IntStream.range(0, 33)
                                        .mapToObj(i -> "{\"name\": \"X-" + i + "\", \"value\": \"1\"}")
                                        .collect(Collectors.joining(", "))
                                + "]",
                        "healthchecks.web[0].httpHeaders",
                        "at most 32 headers, not 33"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedParts")
    void aPartThatDoesNotBelongInTheRequestIsAnErrorAtItsValue(Refused input) {
        String json = "{\"healthchecks\": {\"web\": [{\n  " + input.field() + "\n}]}}";

        List<ManifestProblem> errors = appJsonErrors(json);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo(input.path());
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.message()).contains(input.message());
        });
    }

    @Test
    void theAttackOnTheAdminApiIsRefusedWithItsFileLineColumnAndPath() {
        List<ManifestProblem> errors = appJsonErrors("""
        {
          "healthchecks": {
            "web": [{"path": "/", "scheme": "http://127.0.0.1:2019/config/#"}]
          }
        }""");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.describe())
                    .isEqualTo("app.json:3:37: healthchecks.web[0].scheme: expected \"http\" or \"https\", found"
                            + " \"http://127.0.0.1:2019/config/#\"");
        });
    }

    @Test
    void everyRefusedPartOfEveryCheckIsReportedInFileOrder() {
        List<ManifestProblem> errors = appJsonErrors("""
        {"healthchecks": {"web": [
          {"scheme": "gopher", "path": "x", "port": 70000},
          {"httpHeaders": [{"name": "X", "value": "a\\nb"}]}
        ]}}""");

        assertThat(where(errors))
                .containsExactly(
                        "2:14 healthchecks.web[0].scheme",
                        "2:32 healthchecks.web[0].path",
                        "2:45 healthchecks.web[0].port",
                        "3:43 healthchecks.web[1].httpHeaders[0].value");
    }

    @Test
    void aWellFormedRequestIsReadAsWritten() throws ManifestException {
        AppJson app = appJson("""
        {"healthchecks": {"web": [{
          "scheme": "https", "path": "/health?full=1&x=%2F", "port": 65535,
          "httpHeaders": [{"name": "X-Check", "value": "a\\tb: \\"c\\""}, {"name": "!#$%&'*+-.^_`|~", "value": ""}]
        }]}}""");

        HealthCheck check = app.healthchecks().get("web").get(0);
        assertThat(check.scheme()).contains("https");
        assertThat(check.path()).contains("/health?full=1&x=%2F");
        assertThat(check.port()).isEqualTo(Optional.of(65535));
        assertThat(check.httpHeaders())
                .containsExactly(Map.entry("X-Check", "a\tb: \"c\""), Map.entry("!#$%&'*+-.^_`|~", ""));
        assertThat(app.warnings()).isEmpty();
    }
}
