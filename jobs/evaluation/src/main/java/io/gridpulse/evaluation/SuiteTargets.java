package io.gridpulse.evaluation;

/**
 * What every cell of the suite should reach: precision and recall of each type at least so much,
 * false alerts on clean households at most so many per 1,000 household-days.
 */
record SuiteTargets(double precision, double recall, double falseAlertsPer1000) {

    static final SuiteTargets DEFAULT = new SuiteTargets(0.9, 0.9, 1.0);
}
