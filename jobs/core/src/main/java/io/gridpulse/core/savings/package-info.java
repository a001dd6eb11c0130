/**
 * Weather-normalised energy savings the way evaluators measure them (IPMVP Option C, CalTRACK daily
 * method): fit a household's baseline daily use against outdoor temperature ({@link
 * io.gridpulse.core.savings.CaltrackDailyFit}), check the baseline is long and complete enough
 * ({@link io.gridpulse.core.savings.DataSufficiency}), predict what the household would have used
 * under the reporting period's weather and take the difference, with ASHRAE Guideline 14's
 * uncertainty ({@link io.gridpulse.core.savings.Savings}). Plain Java, no Flink: a job wraps it.
 */
package io.gridpulse.core.savings;
