package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a Dockerfile may make the engine fetch from the host's side. */
class DockerfileSourcesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ADD http://127.0.0.1:2019/config/ /x",
                "ADD https://example.com/a.tar.gz /x",
                "add --chown=1:1 http://localhost/x /x",
                "ADD [\"http://127.0.0.1/x\", \"/x\"]",
                "ADD git@github.com:o/r.git /src",
                "ADD https://user:secret@example.com/r.git /src",
            })
    void refusesARemoteAddSource(String add) {
        assertThat(DockerfileSources.refusal("Dockerfile", "FROM base\n" + add + "\n"))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("Dockerfile:2: ADD from a URL")
                        .doesNotContain("secret", "127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FROM localhost:5000/app",
                "FROM 127.0.0.1:5000/app:1",
                "FROM --platform=linux/amd64 10.0.0.8/app AS build",
                "FROM 192.168.1.2:5000/app",
                "FROM 172.20.0.1/app",
                "FROM 169.254.169.254/app",
                "FROM 0.0.0.0:5000/app",
                "FROM [::1]:5000/app",
                "FROM 2130706433:5000/app",
                "FROM registry.localhost/app",
                "COPY --from=127.0.0.1:5000/tools /bin/tool /bin/",
            })
    void refusesAnImageFromARegistryOnTheHostOrItsNetworks(String line) {
        assertThat(DockerfileSources.refusal("Dockerfile", "# a comment\n" + line + "\n"))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("Dockerfile:2: image "));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FROM slipway/busybox:latest\nADD app.tar /app/\nCOPY . /app\n",
                "FROM docker.io/library/alpine:3\nRUN wget http://127.0.0.1/x\n",
                "FROM registry.example.com:5000/app AS build\nFROM base\nCOPY --from=build /out /app\n",
                "FROM 8.8.8.8:5000/app\n",
                "FROM base\nCOPY --from=0 /a /b\n",
            })
    void acceptsLocalSourcesAndPublicRegistries(String dockerfile) {
        assertThat(DockerfileSources.refusal("Dockerfile", dockerfile)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ARG REGISTRY=127.0.0.1:5000\nFROM ${REGISTRY}/app\n",
                "ARG REGISTRY=localhost\nFROM $REGISTRY/app\n",
            })
    void substitutesArgDefaultsIntoImageReferences(String dockerfile) {
        assertThat(DockerfileSources.refusal("Dockerfile", dockerfile))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("Dockerfile:2: image "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FROM base\nRUN echo a && \\\n    echo b\nADD \\\n  http://127.0.0.1/x /x\n"})
    void namesTheFirstLineOfAContinuedInstruction(String dockerfile) {
        assertThat(DockerfileSources.refusal("Dockerfile", dockerfile))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("Dockerfile:4: "));
    }
}
