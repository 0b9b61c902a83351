package io.slipway.gateway.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Puts the default H2 database inside the data directory: {@code jdbc:h2:file:<data-dir>/slipway}.
 *
 * <p>A property expression cannot do this: H2 refuses a path that is implicitly relative to the
 * working directory, and the configuration lets {@code SLIPWAY_DATA_DIR} be relative. The URL is a default
 * (ordinal below {@code application.properties}), so an explicit {@code quarkus.datasource.jdbc.url}
 * — a PostgreSQL one above all — always wins.
 *
 * <p>{@code WRITE_DELAY=0}: H2 otherwise writes committed transactions to its file up to half a second later,
 * so a killed gateway lost the app or deployment it had just acknowledged. With it, each commit is in the
 * file before the request answers (about 0.3 ms a commit; not synced, so a power loss can still cost the
 * last commits, which is what PostgreSQL is for).
 */
public class DatabaseLocation implements ConfigSourceFactory {

    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue(GatewayConfig.DATA_DIR);
        if (dataDir == null || dataDir.getValue() == null) {
            return List.of();
        }
        Path database = DataDirectory.absolute(Path.of(dataDir.getValue())).resolve("slipway");
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.datasource.jdbc.url",
                        "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"),
                "slipway data directory",
                ORDINAL));
    }
}
