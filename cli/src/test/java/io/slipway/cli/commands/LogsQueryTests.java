package io.slipway.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.cli.Session;
import io.slipway.cli.api.SlipwayApi;
import io.smallrye.mutiny.Multi;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code logs} asks the gateway, whose stream follows unless told not to. */
class LogsQueryTests {

    private final List<Object> asked = new ArrayList<>();

    private Logs logs(String... args) {
        Logs logs = new Logs();
        new CommandLine(logs).parseArgs(args);
        logs.session = new Session(ObjectMapper::new) {
            @Override
            public SlipwayApi api(long readTimeoutSeconds) {
                return (SlipwayApi) Proxy.newProxyInstance(
                        SlipwayApi.class.getClassLoader(),
                        new Class<?>[] {SlipwayApi.class},
                        (proxy, method, arguments) -> {
                            asked.add(method.getName());
                            asked.addAll(Arrays.asList(arguments));
                            return Multi.createFrom().empty();
                        });
            }
        };
        return logs;
    }

    @Test
    void withoutFItAsksNotToFollow() throws Exception {
        assertThat(logs("-a", "shop", "-n", "5").call()).isZero();

        assertThat(asked).containsExactly("appLogs", "shop", 5, false, null);
    }

    @Test
    void withFItFollowsOnlyTheTypeAsked() throws Exception {
        assertThat(logs("-a", "shop", "-f", "--type", "web").call()).isZero();

        assertThat(asked).containsExactly("appLogs", "shop", null, true, "web");
    }
}
