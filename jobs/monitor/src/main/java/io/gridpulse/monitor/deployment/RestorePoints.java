package io.gridpulse.monitor.deployment;

import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completed checkpoints and savepoints of one deployment. Flink writes a checkpoint's {@code
 * _metadata} last, so a directory with readable metadata is complete; one cut short by a crash is
 * skipped.
 */
final class RestorePoints {

    private static final Logger LOG = LoggerFactory.getLogger(RestorePoints.class);
    static final String METADATA = "_metadata";

    private RestorePoints() {}

    /**
     * The newest restorable point: checkpoints under {@code <checkpoints>/<job id>/chk-N},
     * savepoints directly.
     */
    static Optional<RestorePoint> latest(Path checkpoints, Path savepoints) throws IOException {
        List<RestorePoint> candidates = new ArrayList<>();
        for (FileStatus job : list(checkpoints)) {
            for (FileStatus chk : list(job.getPath())) {
                if (chk.getPath().getName().startsWith("chk-")) {
                    candidate(RestorePoint.Kind.CHECKPOINT, chk.getPath())
                            .ifPresent(candidates::add);
                }
            }
        }
        for (FileStatus savepoint : list(savepoints)) {
            candidate(RestorePoint.Kind.SAVEPOINT, savepoint.getPath()).ifPresent(candidates::add);
        }
        candidates.sort(Comparator.comparing(RestorePoint::completedAt).reversed());
        for (RestorePoint point : candidates) {
            if (readable(point)) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }

    /**
     * Removes the directories of earlier jobs that hold no completed checkpoint any more (a resumed
     * job claims its checkpoint and Flink deletes it once a newer one completes; the empty job
     * directory stays behind).
     */
    static void pruneEmptyJobs(Path checkpoints) throws IOException {
        for (FileStatus job : list(checkpoints)) {
            boolean restorable = false;
            for (FileStatus chk : list(job.getPath())) {
                restorable |=
                        chk.getPath().getName().startsWith("chk-")
                                && metadata(chk.getPath()).isPresent();
            }
            if (!restorable) {
                job.getPath().getFileSystem().delete(job.getPath(), true);
            }
        }
    }

    private static Optional<RestorePoint> candidate(RestorePoint.Kind kind, Path dir)
            throws IOException {
        return metadata(dir)
                .map(
                        status ->
                                new RestorePoint(
                                        kind,
                                        dir.toString(),
                                        Instant.ofEpochMilli(status.getModificationTime())));
    }

    private static Optional<FileStatus> metadata(Path dir) throws IOException {
        Path file = new Path(dir, METADATA);
        FileSystem fs = file.getFileSystem();
        return fs.exists(file) ? Optional.of(fs.getFileStatus(file)) : Optional.empty();
    }

    private static boolean readable(RestorePoint point) {
        Path file = new Path(point.path(), METADATA);
        try (FSDataInputStream in = file.getFileSystem().open(file)) {
            Checkpoints.loadCheckpointMetadata(
                    new DataInputStream(in), RestorePoints.class.getClassLoader(), point.path());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping {}: its metadata cannot be read ({})", point, e.toString());
            return false;
        }
    }

    private static FileStatus[] list(Path dir) throws IOException {
        FileSystem fs = dir.getFileSystem();
        if (!fs.exists(dir)) {
            return new FileStatus[0];
        }
        FileStatus[] entries = fs.listStatus(dir);
        return entries == null
                ? new FileStatus[0]
                : Arrays.stream(entries).filter(FileStatus::isDir).toArray(FileStatus[]::new);
    }
}
