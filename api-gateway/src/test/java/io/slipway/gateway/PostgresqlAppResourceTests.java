package io.slipway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.slipway.gateway.repository.BuildContextChunks;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link AppResourceTests} against PostgreSQL, and the build context chunks of remote mode on its {@code bytea}
 * (remote mode itself is tested on H2, in {@link RemoteModeTests}).
 */
@QuarkusTest
@TestProfile(PostgresqlProfile.class)
class PostgresqlAppResourceTests extends AppResourceTests {

    @Inject
    BuildContextChunks chunks;

    @Test
    void aBuildContextOfSeveralChunksComesBackWholeAndIsDeleted() throws Exception {
        String deploymentId = UUID.randomUUID().toString();
        byte[] context = new byte[5 * 512 * 1024 + 17];
        new Random(8).nextBytes(context);

        chunks.write(deploymentId, new ByteArrayInputStream(context));
        assertThat(chunks.size(deploymentId)).contains((long) context.length);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        chunks.copyTo(deploymentId, context.length, read);
        assertThat(read.toByteArray()).isEqualTo(context);

        chunks.delete(deploymentId);
        assertThat(chunks.size(deploymentId)).isEmpty();
        assertThatThrownBy(() -> chunks.copyTo(deploymentId, context.length, new ByteArrayOutputStream()))
                .as("a copy of a context deleted under it")
                .isInstanceOf(IOException.class);
    }
}
