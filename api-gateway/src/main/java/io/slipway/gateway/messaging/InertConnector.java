package io.slipway.gateway.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * The connector of the remote channels in embedded mode: nothing ever arrives, and whatever is sent is refused.
 * The gateway sends nothing there in embedded mode; a send that did would fail loudly instead of vanishing.
 */
@ApplicationScoped
@Connector(InertConnector.NAME)
public class InertConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "slipway-inert";

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        return Multi.createFrom().nothing();
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        return new Flow.Subscriber<Message<?>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<?> message) {
                message.nack(new IllegalStateException("the gateway runs its engine embedded: no broker"));
            }

            @Override
            public void onError(Throwable failure) {}

            @Override
            public void onComplete() {}
        };
    }
}
