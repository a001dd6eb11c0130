package io.gridpulse.monitor.deployment;

import io.gridpulse.core.io.KafkaOptions;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.client.JobStatusMessage;

/**
 * One deployment of the monitor job and the state it owns: checkpoints under {@code
 * <dir>/<name>/checkpoints}, savepoints under {@code <dir>/<name>/savepoints}, {@code <dir>} being
 * {@code execution.checkpointing.dir}. A start of the same deployment finds them again, whatever
 * job id Flink gave the earlier run.
 */
public record Deployment(String name, Path root, String explicitSavepointDir) {

    public static final String JOB_NAME_PREFIX = "GridPulse monitor: ";

    public static Deployment of(ReadableConfig config) {
        String name =
                config.getOptional(DeploymentOptions.NAME)
                        .orElse(config.get(KafkaOptions.GROUP_ID));
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalConfigurationException(
                    DeploymentOptions.NAME.key() + " must be a plain name, not '" + name + "'");
        }
        String base =
                config.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
                        .orElseThrow(
                                () ->
                                        new IllegalConfigurationException(
                                                "execution.checkpointing.dir is not set: the job keeps each deployment's"
                                                        + " checkpoints under it (flink-conf/config.yaml sets it)"));
        return new Deployment(
                name,
                new Path(base, name),
                config.getOptional(CheckpointingOptions.SAVEPOINT_DIRECTORY).orElse(null));
    }

    public String jobName() {
        return JOB_NAME_PREFIX + name;
    }

    public Path checkpoints() {
        return new Path(root, "checkpoints");
    }

    public Path savepoints() {
        return explicitSavepointDir != null
                ? new Path(explicitSavepointDir)
                : new Path(root, "savepoints");
    }

    /**
     * What a start does, in words for its first log line, and the Flink settings that make it do
     * that.
     */
    public record Start(String description, Configuration settings) {}

    /**
     * Decides how this start begins: from an explicit {@code execution.state-recovery.path}, from
     * the deployment's latest checkpoint or savepoint, or empty.
     */
    public Start prepare(ReadableConfig config) throws IOException {
        Configuration settings = new Configuration();
        settings.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints().toString());
        settings.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints().toString());
        Optional<String> given = config.getOptional(StateRecoveryOptions.SAVEPOINT_PATH);
        if (given.isPresent()) {
            return new Start(
                    "restoring from " + given.get() + " (execution.state-recovery.path)", settings);
        }
        if (config.get(DeploymentOptions.START) == DeploymentOptions.Start.FRESH) {
            return new Start(
                    "starting fresh (deployment.start fresh): empty state, from the consumer group's committed"
                            + " offsets; earlier checkpoints under "
                            + root
                            + " are ignored",
                    settings);
        }
        RestorePoints.pruneEmptyJobs(checkpoints());
        Optional<RestorePoint> latest = RestorePoints.latest(checkpoints(), savepoints());
        if (latest.isEmpty()) {
            return new Start(
                    "starting with empty state: no completed checkpoint or savepoint under " + root,
                    settings);
        }
        RestorePoint point = latest.get();
        settings.set(StateRecoveryOptions.SAVEPOINT_PATH, point.path());
        // A checkpoint is the job's own: claimed, Flink deletes it once a newer one completes, so
        // they do not pile up.
        // A savepoint is the operator's and stays.
        settings.set(
                StateRecoveryOptions.RESTORE_MODE,
                point.kind() == RestorePoint.Kind.CHECKPOINT
                        ? RecoveryClaimMode.CLAIM
                        : RecoveryClaimMode.NO_CLAIM);
        return new Start("resuming from the latest " + point, settings);
    }

    /**
     * Refuses a second instance: locally (the embedded MiniCluster) by a lock file in the
     * deployment's directory; on a cluster by the name of its running jobs.
     *
     * @return why this instance must not start, or empty
     */
    public Optional<String> conflict(boolean local, ReadableConfig clusterConfig) throws Exception {
        if (local) {
            java.net.URI uri = root.toUri();
            if (uri.getScheme() != null && !"file".equals(uri.getScheme())) {
                return Optional.empty();
            }
            return LocalInstanceLock.tryAcquire(
                            java.nio.file.Path.of(root.toUri().getPath(), "instance.lock"))
                    .map(
                            holder ->
                                    "deployment '"
                                            + name
                                            + "' is already running here ("
                                            + holder
                                            + " holds "
                                            + root
                                            + "/instance.lock)");
        }
        try (RestClusterClient<StandaloneClusterId> client =
                new RestClusterClient<>(
                        Configuration.fromMap(clusterConfig.toMap()),
                        StandaloneClusterId.getInstance())) {
            return runningJob(client)
                    .map(
                            job ->
                                    "deployment '"
                                            + name
                                            + "' is already running on the cluster as job "
                                            + job.getJobId()
                                            + " ("
                                            + job.getJobState()
                                            + ")");
        }
    }

    /**
     * This deployment's job on the cluster behind {@code client}, if one is not yet finished,
     * failed or cancelled.
     */
    Optional<JobStatusMessage> runningJob(RestClusterClient<?> client) throws Exception {
        return client.listJobs().get(1, TimeUnit.MINUTES).stream()
                .filter(
                        job ->
                                job.getJobName().equals(jobName())
                                        && !job.getJobState().isGloballyTerminalState())
                .findFirst();
    }
}
