package io.gridpulse.monitor.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.core.io.KafkaOptions;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentTest {

    private static final String GROUP = "monitor-test";
    // Flink names job directories by a job id that differs on every run; the deployment must find
    // all of them.
    private static final String EARLIER_JOB = "a0000000000000000000000000000001";
    private static final String LATER_JOB = "b0000000000000000000000000000002";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir Path dir;

    @Test
    void shouldStartEmptyWithoutCheckpointsAndKeepStateUnderTheDeploymentsName()
            throws IOException {
        Deployment.Start start = prepare(config());

        assertThat(start.description()).startsWith("starting with empty state");
        assertThat(start.settings().getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
        assertThat(local(start.settings().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)))
                .isEqualTo(dir.resolve(GROUP).resolve("checkpoints"));
        assertThat(local(start.settings().get(CheckpointingOptions.SAVEPOINT_DIRECTORY)))
                .isEqualTo(dir.resolve(GROUP).resolve("savepoints"));
    }

    @Test
    void shouldBeNamedAfterTheConsumerGroupUnlessNamedExplicitly() {
        assertThat(Deployment.of(config()).name()).isEqualTo(GROUP);

        Configuration named = config();
        named.set(DeploymentOptions.NAME, "blue");
        assertThat(Deployment.of(named).name()).isEqualTo("blue");
        assertThat(Deployment.of(named).jobName()).isEqualTo(Deployment.JOB_NAME_PREFIX + "blue");
    }

    @Test
    void shouldRefuseANameThatIsNotOneDirectoryOrAMissingCheckpointDirectory() {
        // The name becomes a single directory under execution.checkpointing.dir; '/' would nest it,
        // blank would share it.
        for (String name : List.of("blue/green", " ", "")) {
            Configuration config = config();
            config.set(DeploymentOptions.NAME, name);
            assertThatThrownBy(() -> Deployment.of(config))
                    .isInstanceOf(IllegalConfigurationException.class);
        }
        Configuration withoutDir = new Configuration();
        withoutDir.set(KafkaOptions.GROUP_ID, GROUP);
        assertThatThrownBy(() -> Deployment.of(withoutDir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
    }

    @Test
    void shouldResumeFromTheNewestCheckpointOfAnyEarlierJobAndClaimIt() throws IOException {
        // By completion time, not by checkpoint id: a resumed job numbers on from its own restore,
        // another may not.
        completed(checkpoints().resolve(EARLIER_JOB).resolve("chk-7"), 7, T0);
        completed(savepoints().resolve("savepoint-x"), 1, T0.plus(Duration.ofHours(1)));
        Path newest =
                completed(
                        checkpoints().resolve(LATER_JOB).resolve("chk-3"),
                        3,
                        T0.plus(Duration.ofHours(2)));

        Deployment.Start start = prepare(config());

        assertThat(start.description()).startsWith("resuming from the latest checkpoint");
        assertThat(local(start.settings().get(StateRecoveryOptions.SAVEPOINT_PATH)))
                .isEqualTo(newest);
        assertThat(start.settings().get(StateRecoveryOptions.RESTORE_MODE))
                .isEqualTo(RecoveryClaimMode.CLAIM);
    }

    @Test
    void shouldResumeFromANewerSavepointWithoutClaimingIt() throws IOException {
        // The savepoint is the operator's: claiming it would let Flink delete it once the next
        // checkpoint completes.
        completed(checkpoints().resolve(EARLIER_JOB).resolve("chk-7"), 7, T0);
        completed(
                checkpoints().resolve(LATER_JOB).resolve("chk-3"), 3, T0.plus(Duration.ofHours(1)));
        Path newest =
                completed(savepoints().resolve("savepoint-x"), 8, T0.plus(Duration.ofHours(2)));

        Deployment.Start start = prepare(config());

        assertThat(start.description()).startsWith("resuming from the latest savepoint");
        assertThat(local(start.settings().get(StateRecoveryOptions.SAVEPOINT_PATH)))
                .isEqualTo(newest);
        assertThat(start.settings().get(StateRecoveryOptions.RESTORE_MODE))
                .isEqualTo(RecoveryClaimMode.NO_CLAIM);
    }

    @Test
    void shouldSkipANewerCheckpointWhoseMetadataCannotBeRead() throws IOException {
        Path job = checkpoints().resolve(LATER_JOB);
        Path readable = completed(job.resolve("chk-4"), 4, T0);
        // A crash or a full disk while Flink wrote the metadata leaves bytes that no restore can
        // use.
        Path cutShort =
                Files.write(
                        Files.createDirectories(job.resolve("chk-5"))
                                .resolve(RestorePoints.METADATA),
                        "not a checkpoint".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(cutShort, FileTime.from(T0.plus(Duration.ofHours(1))));

        Deployment.Start start = prepare(config());

        assertThat(local(start.settings().get(StateRecoveryOptions.SAVEPOINT_PATH)))
                .isEqualTo(readable);
    }

    @Test
    void shouldRemoveEarlierJobDirectoriesThatHoldNoCompletedCheckpoint() throws IOException {
        // What a claimed restore leaves behind once Flink has deleted the claimed checkpoint: empty
        // shells.
        Path emptyJob = checkpoints().resolve(EARLIER_JOB);
        Files.createDirectories(emptyJob.resolve("shared"));
        Files.createDirectories(emptyJob.resolve("taskowned"));
        Files.createDirectories(emptyJob.resolve("chk-9"));
        Path kept = completed(checkpoints().resolve(LATER_JOB).resolve("chk-1"), 1, T0);

        prepare(config());

        assertThat(emptyJob).doesNotExist();
        assertThat(kept.resolve(RestorePoints.METADATA)).isRegularFile();
    }

    @Test
    void shouldIgnoreEarlierCheckpointsWhenStartingFresh() throws IOException {
        completed(checkpoints().resolve(LATER_JOB).resolve("chk-1"), 1, T0);
        Configuration config = config();
        config.set(DeploymentOptions.START, DeploymentOptions.Start.FRESH);

        Deployment.Start start = prepare(config);

        assertThat(start.description()).contains("fresh");
        assertThat(start.settings().getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
    }

    @Test
    void shouldLeaveAnExplicitStateRecoveryPathAsGiven() throws IOException {
        completed(checkpoints().resolve(LATER_JOB).resolve("chk-1"), 1, T0);
        Configuration config = config();
        config.set(StateRecoveryOptions.SAVEPOINT_PATH, "file:/elsewhere/savepoint-1");

        Deployment.Start start = prepare(config);

        // The settings are laid over the job's configuration, so overriding nothing keeps the
        // operator's choice.
        assertThat(start.description())
                .contains("file:/elsewhere/savepoint-1", "execution.state-recovery.path");
        assertThat(start.settings().getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
        assertThat(start.settings().getOptional(StateRecoveryOptions.RESTORE_MODE)).isEmpty();
    }

    @Test
    void shouldRefuseASecondLocalInstanceOfTheSameDeployment(@TempDir Path lockDir)
            throws Exception {
        // The lock lives as long as this JVM, so it gets a directory of its own that no other test
        // uses.
        Configuration config = config();
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, lockDir.toUri().toString());

        assertThat(Deployment.of(config).conflict(true, config)).isEmpty();
        assertThat(Deployment.of(config).conflict(true, config))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("already running", "this process"));
    }

    private Configuration config() {
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        config.set(KafkaOptions.GROUP_ID, GROUP);
        return config;
    }

    private static Deployment.Start prepare(Configuration config) throws IOException {
        return Deployment.of(config).prepare(config);
    }

    private Path checkpoints() {
        return dir.resolve(GROUP).resolve("checkpoints");
    }

    private Path savepoints() {
        return dir.resolve(GROUP).resolve("savepoints");
    }

    /**
     * Writes real metadata, as Flink does last when a checkpoint completes, so only a complete one
     * is restorable.
     */
    private static Path completed(Path pointDir, long checkpointId, Instant completedAt)
            throws IOException {
        Path metadata = Files.createDirectories(pointDir).resolve(RestorePoints.METADATA);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(metadata))) {
            Checkpoints.storeCheckpointMetadata(
                    new CheckpointMetadata(checkpointId, List.of(), List.of()), out);
        }
        Files.setLastModifiedTime(metadata, FileTime.from(completedAt));
        return pointDir;
    }

    /**
     * Flink's paths carry a scheme ({@code file:/...}); compared as local paths, the spelling does
     * not matter.
     */
    private static Path local(String flinkPath) {
        return Path.of(new org.apache.flink.core.fs.Path(flinkPath).toUri());
    }
}
