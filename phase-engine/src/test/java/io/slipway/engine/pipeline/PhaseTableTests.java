package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseName;
import io.slipway.engine.pipeline.Phase.ChangePolicy;
import io.slipway.manifest.DeploymentTasks;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The phase table is the product's contract (the root README's table); these pin it so a change to it is a deliberate one. */
class PhaseTableTests {

    @Test
    void phasesRunInTheSpecifiedOrder() {
        assertThat(Phase.values())
                .containsExactly(
                        Phase.BUILD, Phase.PREDEPLOY, Phase.RELEASE, Phase.DEPLOY, Phase.SETUP, Phase.POSTDEPLOY);
    }

    @Test
    void eachRowIsTheContractsPhaseOfTheSameNameInTheSameOrder() {
        assertThat(Arrays.stream(Phase.values()).map(Phase::reported)).containsExactly(PhaseName.values());
    }

    @Test
    void onlyPredeployCommitsAndReleaseSetupAndPostdeployDiscard() {
        assertThat(Arrays.stream(Phase.values())
                        .filter(phase -> phase.changes().equals(Optional.of(ChangePolicy.COMMIT))))
                .containsExactly(Phase.PREDEPLOY);
        assertThat(Arrays.stream(Phase.values())
                        .filter(phase -> phase.changes().equals(Optional.of(ChangePolicy.DISCARD))))
                .containsExactly(Phase.RELEASE, Phase.SETUP, Phase.POSTDEPLOY);
    }

    @Test
    void eachTaskPhaseTakesItsOwnManifestEntry() {
        DeploymentTasks tasks =
                new DeploymentTasks(Optional.of("pre"), Optional.of("rel"), Optional.of("post"), Optional.of("setup"));
        assertThat(Phase.PREDEPLOY.command(tasks)).contains("pre");
        assertThat(Phase.RELEASE.command(tasks)).contains("rel");
        assertThat(Phase.POSTDEPLOY.command(tasks)).contains("post");
        assertThat(Phase.SETUP.command(tasks)).contains("setup");
        assertThat(Phase.BUILD.command(tasks)).isEmpty();
        assertThat(Phase.DEPLOY.command(tasks)).isEmpty();
    }

    @Test
    void buildRunsOnlyForContextsAndRollbacksSkipPredeploy() {
        assertThat(Phase.BUILD.runsFor(DeploymentKind.BUILD_CONTEXT)).isTrue();
        assertThat(Phase.BUILD.runsFor(DeploymentKind.IMAGE)).isFalse();
        assertThat(Phase.BUILD.runsFor(DeploymentKind.ROLLBACK)).isFalse();
        assertThat(Phase.PREDEPLOY.runsFor(DeploymentKind.ROLLBACK)).isFalse();
        assertThat(Phase.RELEASE.runsFor(DeploymentKind.ROLLBACK)).isTrue();
        assertThat(Phase.SETUP.runsFor(DeploymentKind.ROLLBACK)).isFalse();
        assertThat(Phase.SETUP.runsFor(DeploymentKind.IMAGE)).isTrue();
    }

    @Test
    void finishedDeploymentsCannotMoveAgain() {
        assertThat(DeploymentStatus.QUEUED.canMoveTo(DeploymentStatus.RUNNING)).isTrue();
        assertThat(DeploymentStatus.QUEUED.canMoveTo(DeploymentStatus.CANCELLED))
                .isTrue();
        assertThat(DeploymentStatus.SUCCEEDED.canMoveTo(DeploymentStatus.FAILED))
                .isFalse();
        assertThat(DeploymentStatus.RUNNING.canMoveTo(DeploymentStatus.QUEUED)).isFalse();
    }
}
