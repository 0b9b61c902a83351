package io.slipway.gateway.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTests {

    private static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aRefusedAddressFailsTheDeliveryAtOnceWithItsReason() {
        WebhookDelivery delivery = delivery();

        delivery.refused(CREATED.plusSeconds(1), "refused: 127.0.0.1: 127.0.0.1 is a loopback address");

        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(delivery.nextAttemptAt()).isEmpty();
        assertThat(delivery.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.number()).isEqualTo(1);
            assertThat(attempt.statusCode()).isEmpty();
            assertThat(attempt.error()).contains("refused: 127.0.0.1: 127.0.0.1 is a loopback address");
        });
    }

    @Test
    void aFailedAnswerIsTriedAgainAfterTheBackoff() {
        WebhookDelivery delivery = delivery();

        delivery.attempted(CREATED.plusSeconds(1), 503, null, 6, Duration.ofSeconds(5));

        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(delivery.nextAttemptAt()).contains(CREATED.plusSeconds(6));
    }

    private static WebhookDelivery delivery() {
        return new WebhookDelivery(
                "d-1", "w-1", "shop", "dep-1", "deployment.started", "http://127.0.0.1/", "{}", CREATED);
    }
}
