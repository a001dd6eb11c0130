package io.gridpulse.simulator;

import java.util.concurrent.TimeUnit;

/**
 * Keeps wall-clock time in step with simulated time at a given speed (simulated seconds per wall
 * second), so a live demo sees readings arrive as a real meter fleet would send them, only faster.
 * Speed 0 never waits.
 */
final class Pacer {

    private final double speed;
    private long wallStartNanos;

    Pacer(double speed) {
        this.speed = speed;
    }

    void start() {
        wallStartNanos = System.nanoTime();
    }

    /**
     * Sleeps until {@code simulatedMillis} of simulated time have passed on the wall clock at this
     * speed.
     *
     * @return false if the thread was interrupted (the interrupt flag is kept set), true otherwise
     */
    boolean awaitSimulated(long simulatedMillis) {
        if (speed <= 0) {
            return true;
        }
        long targetNanos =
                wallStartNanos + (long) (TimeUnit.MILLISECONDS.toNanos(simulatedMillis) / speed);
        long waitNanos;
        while ((waitNanos = targetNanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
