package io.slipway.it;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deploy scenario of distributed mode ({@link DistributedIT}), run by the all-in-one gateway: the same
 * guarantees of order hold when gateway and engine are one process.
 */
class EmbeddedOrderIT {

    @Test
    void twoAppsDeployedTwiceAtOnceEachRunInTheOrderRequested() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        TestEngine engine = TestEngines.named("podman");
        GatewayProcess gateway = new GatewayProcess(engine);
        try (ContainerRuntime runtime = engine.connect();
                TestImages images = new TestImages(runtime)) {
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                    .file("app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"echo predeploy-ran\"}}}")
                    .file("Procfile", "web: exec httpd -f -p $PORT -h /app\n"));
            gateway.start();
            GatewayApi api = new GatewayApi(gateway);
            List<String> apps = List.of("left-" + run, "right-" + run);
            try {
                apps.forEach(app -> api.createApp(app, Optional.empty()));
                GatewayApi.eachAppDeployedTwiceAtOnceInTheOrderRequested(
                        List.of(api), Map.of(apps.get(0), image, apps.get(1), image));
            } finally {
                apps.forEach(app -> api.request().delete("/api/v1/apps/" + app));
                gateway.stop();
            }
        }
    }
}
