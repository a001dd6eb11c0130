package io.gridpulse.core.influx;

import io.gridpulse.core.quality.QualityEvent;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * The InfluxDB layout of data-quality counts: measurement {@code data_quality}, one point per meter, outcome and
 * quarter hour that had anything to report (clean quarters write nothing), stamped with the quarter's start.
 */
public final class QualityPoints {

  public static final String MEASUREMENT = "data_quality";

  private QualityPoints() {}

  public static Point of(QualityEvent count) {
    return Point.measurement(MEASUREMENT)
        .time(count.timestamp, TimeUnit.MILLISECONDS)
        .tag("meter", count.meterId)
        .tag("feeder", count.feederId)
        .tag("district", count.districtId)
        .tag("outcome", count.outcome)
        .addField("readings", count.count)
        .build();
  }
}
