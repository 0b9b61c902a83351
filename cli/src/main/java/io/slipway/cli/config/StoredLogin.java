package io.slipway.cli.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The config file's content: {@code {"url": "...", "token": "..."}}. */
@RegisterForReflection
public record StoredLogin(String url, String token) {

    @Override
    public String toString() {
        return "StoredLogin[url=" + url + "]";
    }
}
