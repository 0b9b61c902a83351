package io.slipway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which decoded paths the router takes to be under {@code /api}, however they are spelled. */
class ApiNeedsTokenTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api",
                "/api/",
                "/api/v1/apps",
                "api/v1/apps",
                "//api/v1/apps",
                "/api//v1/apps",
                "/./api/v1/apps",
                "/x/../api/v1/apps",
                "/../api/v1/apps",
                "/x/y/../../api/v1",
                "/api;x=1/v1/apps",
                "/api;/v1",
                "/api/v1/..",
                "/api/v1/../../api/v1",
                "/./././api",
            })
    void pathsUnderApi(String path) {
        assertThat(ApiNeedsToken.underApi(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/",
                "/index.html",
                "/apis/v1",
                "/ap/v1",
                "/API/v1",
                "/q/health",
                "/api/..",
                "/api/v1/../..",
                "/x/api/v1",
                "/x/./api",
                "/;api/v1",
                "/.api/v1",
                "/../..",
                "/api/../x/api",
            })
    void pathsElsewhere(String path) {
        assertThat(ApiNeedsToken.underApi(path)).isFalse();
    }
}
