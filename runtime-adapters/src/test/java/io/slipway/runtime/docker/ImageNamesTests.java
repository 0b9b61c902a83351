package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageNamesTests {

    @Test
    void idsAlwaysCarryTheirDigestAlgorithm() {
        assertThat(ImageNames.normaliseId("77fe080d")).isEqualTo("sha256:77fe080d");
        assertThat(ImageNames.normaliseId("sha256:77fe080d")).isEqualTo("sha256:77fe080d");
    }

    @Test
    void splitsReferencesIntoRepositoryAndTag() {
        assertThat(ImageNames.split("slipway/app:release-3"))
                .isEqualTo(new ImageNames.Reference("slipway/app", "release-3"));
        assertThat(ImageNames.split("slipway/app")).isEqualTo(new ImageNames.Reference("slipway/app", "latest"));
        assertThat(ImageNames.split("registry:5000/app"))
                .isEqualTo(new ImageNames.Reference("registry:5000/app", "latest"));
        assertThat(ImageNames.split("registry:5000/app:1"))
                .isEqualTo(new ImageNames.Reference("registry:5000/app", "1"));
    }

    @Test
    void podmansQualifiedNamesReadAsTheyWereGiven() {
        assertThat(ImageNames.asGiven("localhost/slipway/busybox:latest")).isEqualTo("slipway/busybox:latest");
        assertThat(ImageNames.asGiven("docker.io/library/busybox:1")).isEqualTo("busybox:1");
        assertThat(ImageNames.asGiven("docker.io/slipway/app:2")).isEqualTo("slipway/app:2");
        assertThat(ImageNames.asGiven("registry:5000/app:2")).isEqualTo("registry:5000/app:2");
    }
}
