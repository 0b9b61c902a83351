package io.slipway.cli.config;

/** The config file's content: {@code {"url": "...", "token": "..."}}. */
public record StoredLogin(String url, String token) {

    @Override
    public String toString() {
        return "StoredLogin[url=" + url + "]";
    }
}
