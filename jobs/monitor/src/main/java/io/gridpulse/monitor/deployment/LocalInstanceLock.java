package io.gridpulse.monitor.deployment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An operating-system lock on a file in the deployment's directory, held for the life of the JVM
 * that runs the embedded MiniCluster: a second local start of the same deployment finds it taken.
 * The kernel releases it when the process ends, however it ends, so a kill -9 leaves no stale lock
 * behind.
 */
final class LocalInstanceLock {

    /** Kept reachable so the channel, and with it the lock, lives as long as the process. */
    private static FileChannel held;

    private LocalInstanceLock() {}

    /**
     * Takes the lock, or returns what the holder wrote into the file (its pid) when another process
     * has it.
     */
    static synchronized Optional<String> tryAcquire(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.of("this process (pid " + ProcessHandle.current().pid() + ")");
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            return Optional.of(holder.isEmpty() ? "another process" : holder);
        }
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(
                        ("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        held = channel;
        return Optional.empty();
    }
}
