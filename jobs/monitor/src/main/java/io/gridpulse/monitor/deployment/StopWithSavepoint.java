package io.gridpulse.monitor.deployment;

import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.util.ParameterTool;

/**
 * Stops a running deployment of the monitor job with a savepoint in its savepoint directory, for an
 * upgrade or a planned restart: the next start of the same deployment resumes from it. Works
 * against the local runner's REST port and against any Flink 2.x cluster ({@code --rest.address},
 * {@code --rest.port}).
 *
 * <p>Usage: {@code StopWithSavepoint [--deployment.name N] [--rest.address H] [--rest.port P]},
 * with the job's {@code config.yaml} in {@code FLINK_CONF_DIR}.
 */
public final class StopWithSavepoint {

    private StopWithSavepoint() {}

    public static void main(String[] args) throws Exception {
        Configuration config = GlobalConfiguration.loadConfiguration();
        config.addAll(ParameterTool.fromArgs(args).getConfiguration());
        Deployment deployment = Deployment.of(config);
        String savepoints = deployment.savepoints().toString();
        try (RestClusterClient<StandaloneClusterId> client =
                new RestClusterClient<>(config, StandaloneClusterId.getInstance())) {
            JobID running =
                    deployment.runningJob(client).map(JobStatusMessage::getJobId).orElse(null);
            if (running == null) {
                System.err.println(
                        "stop-monitor: no running job '"
                                + deployment.jobName()
                                + "' at "
                                + client.getWebInterfaceURL()
                                + "; nothing was stopped.");
                System.exit(1);
            }
            System.err.println(
                    "stop-monitor: stopping job "
                            + running
                            + " ('"
                            + deployment.jobName()
                            + "') with a savepoint under "
                            + savepoints
                            + " ...");
            String savepoint =
                    client.stopWithSavepoint(
                                    running, false, savepoints, SavepointFormatType.CANONICAL)
                            .get(10, TimeUnit.MINUTES);
            System.out.println(savepoint);
            System.err.println(
                    "stop-monitor: stopped. The same start command resumes from this savepoint.");
        }
    }
}
