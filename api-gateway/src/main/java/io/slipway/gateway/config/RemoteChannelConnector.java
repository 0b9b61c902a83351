package io.slipway.gateway.config;

import io.slipway.gateway.messaging.InertConnector;
import io.slipway.gateway.messaging.RemoteChannels;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives the remote channels their connector from {@code slipway.engine} when the gateway starts: Kafka in remote
 * mode, else {@link InertConnector}, so that an embedded gateway never opens a broker connection.
 *
 * <p>Quarkus fixes a channel's {@code enabled} flag when it builds the application, but reads its {@code connector}
 * when it starts: this is what lets one artifact serve both modes. The serializers are named in
 * {@code application.properties}, because Quarkus detects them only for channels that are Kafka at build time.
 * The value is a default (ordinal below {@code application.properties}): an explicit connector wins.
 */
public class RemoteChannelConnector implements ConfigSourceFactory {

    private static final int ORDINAL = 150;
    private static final String KAFKA = "smallrye-kafka";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue engine = context.getValue(GatewayConfig.ENGINE);
        boolean remote = engine != null
                && engine.getValue() != null
                && EngineMode.REMOTE.name().equals(engine.getValue().strip().toUpperCase(Locale.ROOT));
        String connector = remote ? KAFKA : InertConnector.NAME;
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "mp.messaging.outgoing." + RemoteChannels.DEPLOY_REQUESTS + ".connector", connector,
                        "mp.messaging.incoming." + RemoteChannels.DEPLOYMENT_EVENTS + ".connector", connector,
                        "mp.messaging.incoming." + RemoteChannels.WORKER_STATUS + ".connector", connector,
                        "mp.messaging.incoming." + RemoteChannels.RUN_EVENTS + ".connector", connector),
                "slipway engine mode",
                ORDINAL));
    }
}
