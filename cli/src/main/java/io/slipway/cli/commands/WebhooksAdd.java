package io.slipway.cli.commands;

import io.slipway.cli.api.Requests;
import io.slipway.cli.api.Webhook;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "webhooks:add",
        description = "Send the app's deployment events to URL, signed with a new random secret that is shown once")
public class WebhooksAdd extends AppCommand {

    private static final int SECRET_BYTES = 32;

    @Parameters(paramLabel = "URL")
    String url;

    @Option(
            names = "--event",
            paramLabel = "E",
            description = "deployment.started, deployment.phase_failed or deployment.finished (default: all)")
    List<String> events;

    @Override
    public Integer call() throws IOException {
        byte[] random = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        Webhook webhook = session.api().addWebhook(app(), new Requests.NewWebhook(url, secret, events));
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.out().println("Added webhook " + webhook.id() + " for " + webhook.url());
        session.out().println("Its secret (shown only now; verify Slipway-Signature with it): " + secret);
        return 0;
    }
}
