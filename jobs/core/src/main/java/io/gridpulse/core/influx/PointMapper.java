package io.gridpulse.core.influx;

import java.io.Serializable;
import org.influxdb.dto.Point;

/** Turns a record into its InfluxDB point. */
@FunctionalInterface
public interface PointMapper<T> extends Serializable {
    Point toPoint(T record);
}
