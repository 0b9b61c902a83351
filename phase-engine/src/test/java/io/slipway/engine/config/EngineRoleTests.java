package io.slipway.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineRoleTests {

    @Test
    void aRemoteGatewayLeavesItsEngineIdleWhateverElseIsSet() {
        assertThat(EngineRole.of("remote", Optional.empty())).isEqualTo(EngineRole.IDLE);
        assertThat(EngineRole.of("remote", Optional.of("http://127.0.0.1:8080")))
                .isEqualTo(EngineRole.IDLE);
    }

    @Test
    void aGatewayUrlMakesAWorkerDistributed() {
        assertThat(EngineRole.of("embedded", Optional.of("http://127.0.0.1:8080")))
                .isEqualTo(EngineRole.DISTRIBUTED);
        assertThat(EngineRole.of("embedded", Optional.of(" "))).isEqualTo(EngineRole.LOCAL);
        assertThat(EngineRole.of("embedded", Optional.empty())).isEqualTo(EngineRole.LOCAL);
    }

    @Test
    void anUnknownEngineModeIsRefused() {
        assertThatThrownBy(() -> EngineRole.of("elsewhere", Optional.empty()))
                .hasMessageContaining("embedded or remote");
    }
}
