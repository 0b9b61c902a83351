package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An RFC 9457 problem as the gateway answers errors. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String title, int status, String detail, List<Issue> errors) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Issue(String file, Integer line, Integer column, String path, String message) {}
}
