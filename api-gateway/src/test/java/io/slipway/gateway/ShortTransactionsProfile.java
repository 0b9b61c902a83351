package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Transactions time out after 10 s instead of 60 s: what takes a minute on a big database takes seconds on the
 * test's, and a transaction that grows with the data fails the same way.
 */
public class ShortTransactionsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.transaction-manager.default-transaction-timeout",
                "10s",
                // The deletion answers before a client's read timeout, whatever is left to do.
                "slipway.gateway.app-deletion-wait",
                "5s");
    }
}
