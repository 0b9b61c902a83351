package io.slipway.engine.config;

import io.slipway.contract.Channels;
import io.slipway.engine.health.EngineHealthCheck;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The settings that follow from this process's {@link EngineRole}, derived at start rather than written in a
 * properties file, because this module's files are read by the gateway that embeds it too:
 *
 * <ul>
 *   <li>a distributed worker reads its pool's topic {@code deploy-requests.<pool>} in the pool's consumer group,
 *       never creates a topic (the gateway creates it with its partitions), commits a command's offset only once
 *       the command is settled (a claim granted or refused: see {@code DeployCommandConsumer}), however long it
 *       waits, and leaves its group quickly when it dies, so the pool's other workers get its apps;
 *   <li>an idle engine (a {@code remote} gateway) reports no engine health.
 * </ul>
 *
 * Their ordinal is below {@code application.properties} and the environment, so an operator's own
 * {@code mp.messaging.*} setting wins.
 */
public class WorkerChannels implements ConfigSourceFactory {

    /** Pool names become topic and group names: a DNS label keeps them valid for Kafka and for the API. */
    private static final Pattern POOL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private static final int ORDINAL = 150;
    private static final String DEPLOY_REQUESTS = "mp.messaging.incoming." + Channels.DEPLOY_REQUESTS + ".";

    /** A dead worker's partitions move to the pool's other workers after this long without its heartbeat. */
    static final String SESSION_TIMEOUT_MS = "10000";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        EngineRole role = EngineRole.of(
                value(context, "slipway.engine").orElse(EngineRole.EMBEDDED_ENGINE),
                value(context, "slipway.gateway-url"));
        Map<String, String> properties = new HashMap<>();
        if (role == EngineRole.IDLE) {
            properties.put(
                    "quarkus.smallrye-health.check.\"" + EngineHealthCheck.class.getName() + "\".enabled", "false");
        }
        if (role == EngineRole.DISTRIBUTED) {
            String pool = value(context, "slipway.pool").orElse(Channels.DEFAULT_POOL);
            properties.putAll(poolConsumer(pool));
        }
        return List.of(new PropertiesConfigSource(properties, "slipway engine role", ORDINAL));
    }

    static Map<String, String> poolConsumer(String pool) {
        if (!POOL.matcher(pool).matches()) {
            throw new IllegalArgumentException(
                    "SLIPWAY_POOL must be a DNS label: lower-case letters, digits and dashes, at most 63");
        }
        return Map.of(
                DEPLOY_REQUESTS + "topic", Channels.deployRequestsTopic(pool),
                DEPLOY_REQUESTS + "group.id", Channels.poolGroup(pool),
                DEPLOY_REQUESTS + "allow.auto.create.topics", "false",
                // A pool's group that starts after commands were sent still runs them; replayed starts are refused.
                DEPLOY_REQUESTS + "auto.offset.reset", "earliest",
                DEPLOY_REQUESTS + "commit-strategy", "throttled",
                // A start waits unacknowledged while an earlier deployment of its app runs: that is no failure.
                DEPLOY_REQUESTS + "throttled.unprocessed-record-max-age.ms", "0",
                DEPLOY_REQUESTS + "session.timeout.ms", SESSION_TIMEOUT_MS,
                DEPLOY_REQUESTS + "heartbeat.interval.ms", "3000");
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return Optional.ofNullable(value == null ? null : value.getValue()).filter(text -> !text.isBlank());
    }
}
