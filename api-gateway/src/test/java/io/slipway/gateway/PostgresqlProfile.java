package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The gateway built for PostgreSQL as its second packaging is (target/postgresql), with the {@code postgresql}
 * config profile (the database kind is fixed at build time; a test profile gets a build of its own),
 * on top of the {@code test} profile, against the PostgreSQL that {@code scripts/services start} runs.
 * Its tables live in a schema of their own, cleaned at each start.
 */
public class PostgresqlProfile implements QuarkusTestProfile {

    private static final Path ENDPOINTS = Path.of("/run/slipway-services/endpoints.properties");
    private static final String SCHEMA = "api_gateway_test";

    @Override
    public String getConfigProfile() {
        return "test,postgresql";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Properties endpoints = endpoints();
        return Map.of(
                "quarkus.datasource.jdbc.url",
                required(endpoints, "postgres.jdbc-url") + "?currentSchema=" + SCHEMA,
                "quarkus.datasource.username",
                required(endpoints, "postgres.username"),
                "quarkus.datasource.password",
                required(endpoints, "postgres.password"),
                "quarkus.flyway.schemas",
                SCHEMA);
    }

    private static Properties endpoints() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ENDPOINTS)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no PostgreSQL endpoint in " + ENDPOINTS + ": run `scripts/services start` first", e);
        }
        return properties;
    }

    private static String required(Properties endpoints, String key) {
        String value = endpoints.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("no " + key + " in " + ENDPOINTS + ": run `scripts/services start` first");
        }
        return value.strip();
    }
}
