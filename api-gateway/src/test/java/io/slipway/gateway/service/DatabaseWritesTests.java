package io.slipway.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class DatabaseWritesTests {

    @Test
    void failingFromTheFirstRefusedWriteUntilOneSucceeds() {
        DatabaseWrites writes = new DatabaseWrites();
        assertThat(writes.failure()).isEmpty();

        writes.failed(new IllegalStateException("first"));
        DatabaseWrites.Failure first = writes.failure().orElseThrow();
        writes.failed(new IllegalStateException("second"));
        assertThat(writes.failure()).contains(first);

        writes.succeeded();
        assertThat(writes.failure()).isEmpty();
    }

    @Test
    void theReasonIsTheInnermostCauseWithoutTheStatementOrItsValues() {
        RuntimeException refused = new RuntimeException(
                "could not execute batch; SQL statement:\ninsert into log_line values ('SECRET=hunter2')",
                new UncheckedIOException(new IOException("No space left on device\nmore")));

        assertThat(DatabaseWrites.reason(refused)).isEqualTo("IOException: No space left on device");
    }

    @Test
    void aLongReasonIsCut() {
        assertThat(DatabaseWrites.reason(new RuntimeException("x".repeat(1000))))
                .hasSize(201)
                .endsWith("…");
    }
}
