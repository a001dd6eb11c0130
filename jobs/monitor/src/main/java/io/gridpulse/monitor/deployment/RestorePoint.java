package io.gridpulse.monitor.deployment;

import java.time.Instant;

/**
 * A completed checkpoint or savepoint a job can start from.
 *
 * @param path the checkpoint's or savepoint's directory (the one holding {@code _metadata})
 * @param completedAt when its metadata was written, i.e. when it completed
 */
public record RestorePoint(Kind kind, String path, Instant completedAt) {

    public enum Kind {
        CHECKPOINT,
        SAVEPOINT
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " " + path + " (completed " + completedAt + ")";
    }
}
