package io.slipway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.cli.api.ApiClients;
import io.slipway.cli.api.RawBodies;
import io.slipway.cli.api.SlipwayApi;
import io.slipway.cli.config.ConfigFile;
import io.slipway.cli.config.Credentials;
import io.slipway.cli.config.StoredLogin;
import io.slipway.cli.config.UsageProblem;
import io.slipway.cli.output.Style;
import io.slipway.cli.output.Times;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** What one run of the CLI works with: the environment, the terminal, the login and the REST client. */
@Singleton
public class Session {

    /** An answer of the API takes at most this long; followed streams set their own. */
    public static final long READ_TIMEOUT_SECONDS = 120;

    /** Resolved on first use: most commands never read JSON, and making the mapper costs a CLI's start. */
    private final Provider<ObjectMapper> json;

    private final Map<String, String> env = System.getenv();
    private final RawBodies rawBodies = new RawBodies();
    private boolean verbose;
    private boolean jsonOutput;

    public Session(Provider<ObjectMapper> json) {
        this.json = json;
    }

    void setGlobalOptions(boolean verbose, boolean jsonOutput) {
        this.verbose = verbose;
        this.jsonOutput = jsonOutput;
    }

    public ObjectMapper json() {
        return json.get();
    }

    public Map<String, String> env() {
        return env;
    }

    public PrintStream out() {
        return System.out;
    }

    public PrintStream err() {
        return System.err;
    }

    public Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }

    /** Whether a person is at the terminal. */
    public boolean terminal() {
        return System.console() != null;
    }

    public Style style() {
        return Style.of(terminal(), env);
    }

    public Times times() {
        return new Times(ZoneId.systemDefault());
    }

    public boolean jsonOutput() {
        return jsonOutput;
    }

    /** The gateway's JSON of the last answer, as sent. */
    public void printRawJson() {
        out().println(rawBodies.last().orElse("null"));
    }

    public ConfigFile configFile() {
        return new ConfigFile(ConfigFile.locate(env, System.getProperty("user.home")), json());
    }

    public SlipwayApi api() {
        return api(READ_TIMEOUT_SECONDS);
    }

    public SlipwayApi api(long readTimeoutSeconds) {
        Credentials login = credentials();
        return ApiClients.create(login.url(), login.token(), rawBodies, verbose ? err() : null, readTimeoutSeconds);
    }

    /** SLIPWAY_URL and SLIPWAY_TOKEN over the config file. */
    public Credentials credentials() {
        Optional<StoredLogin> stored;
        try {
            stored = configFile().read();
        } catch (IOException e) {
            throw new UsageProblem("cannot read " + configFile().path() + ": " + e.getMessage());
        }
        String url = Optional.ofNullable(env.get("SLIPWAY_URL"))
                .filter(value -> !value.isBlank())
                .or(() -> stored.map(StoredLogin::url))
                .orElseThrow(() -> new UsageProblem("not logged in: run slipway login URL, or set SLIPWAY_URL"));
        String token = Optional.ofNullable(env.get("SLIPWAY_TOKEN"))
                .filter(value -> !value.isBlank())
                .or(() -> stored.map(StoredLogin::token))
                .orElseThrow(() -> new UsageProblem("no token: run slipway login " + url + ", or set SLIPWAY_TOKEN"));
        return new Credentials(gatewayUrl(url), token);
    }

    /** Only http(s) URLs with a host; anything else is a typo the operator should see at once. */
    public static URI gatewayUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("not a URL: " + url);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new UsageProblem("not an http(s) URL of the gateway: " + url);
        }
        return uri;
    }
}
