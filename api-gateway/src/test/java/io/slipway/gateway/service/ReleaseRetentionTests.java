package io.slipway.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReleaseRetentionTests {

    @Test
    void theLastTenReleasesAreKeptAndOlderOnesExpire() {
        List<Optional<String>> newestFirst = IntStream.rangeClosed(1, 12)
                .map(n -> 13 - n)
                .mapToObj(n -> Optional.of("slipway/shop:release-" + n))
                .toList();

        assertThat(ReleaseRetention.expired(newestFirst))
                .containsExactly("slipway/shop:release-2", "slipway/shop:release-1");
    }

    @Test
    void anOldReleaseThatARollbackRunsAgainIsKept() {
        List<Optional<String>> newestFirst = new ArrayList<>();
        newestFirst.add(Optional.of("slipway/shop:release-1"));
        IntStream.rangeClosed(2, 11)
                .map(n -> 13 - n)
                .forEach(n -> newestFirst.add(Optional.of("slipway/shop:release-" + n)));
        newestFirst.add(Optional.of("slipway/shop:release-1"));

        assertThat(ReleaseRetention.expired(newestFirst)).containsExactly("slipway/shop:release-2");
    }

    @Test
    void fewerThanTenReleasesExpireNothing() {
        assertThat(ReleaseRetention.expired(List.of(Optional.of("a"), Optional.empty(), Optional.of("b"))))
                .isEmpty();
    }
}
