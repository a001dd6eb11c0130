package io.gridpulse.core.anomaly;

/**
 * One anomalous quarter hour (or night): how far from normal, what was expected and what was
 * measured.
 */
record Finding(double score, double expected, double actual) {}
