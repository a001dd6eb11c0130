/**
 * Reading CSV exports of utilities and public data sets: a mapping of key=value pairs says which
 * columns mean what, and a row parser turns one line into a typed row in the pipeline's units.
 *
 * <p>{@link io.gridpulse.replay.csv.ReadingMapping#parse} and {@link
 * io.gridpulse.replay.csv.WeatherMapping#parse} check the pairs once, before any line is read, and
 * name the key in every error ({@link io.gridpulse.replay.csv.CsvMappingException}). {@code
 * parser(headerLine)} then looks the columns up in one file's header; its {@code parse(line)}
 * throws a {@link io.gridpulse.replay.csv.CsvLineException} naming the column and quoting the text,
 * to which the caller adds the file and line number. Blank lines ({@link
 * io.gridpulse.replay.csv.CsvLayout#isBlank}) are not data and are skipped by the caller.
 *
 * <p>Keys of both mappings (a prefix {@code csv.} is ignored; a column is a header name, matched
 * exactly and else ignoring case, or a 1-based number):
 *
 * <ul>
 *   <li>{@code delimiter} (one character or tab, semicolon, comma, pipe, space; default ,), {@code
 *       header} (default true), {@code skip-lines} (default 0), {@code decimal} (. or ,), {@code
 *       missing} (a marker such as ? or NA; an empty field is always missing);
 *   <li>the time: {@code timestamp} with {@code timestamp-format} (iso, epoch-seconds, epoch-millis
 *       or a DateTimeFormatter pattern; default iso), or {@code date} and {@code time} with {@code
 *       date-format} (default yyyy-MM-dd) and {@code time-format} (default H:mm[:ss]); {@code
 *       time-zone} for times without an offset (default UTC).
 * </ul>
 *
 * Meter readings add {@code value}, {@code value-kind} (register, interval-energy, average-power),
 * {@code unit}, {@code scale}, {@code interval} (PT15M or 15min), {@code timestamp-marks} (start or
 * end, default end), {@code meter} or {@code meter-id}, {@code feeder} or {@code feeder-id}, {@code
 * district} or {@code district-id} (both default to the fixed id unassigned) and {@code voltage}.
 * Weather adds {@code temperature}, {@code temperature-unit} (C or F) and {@code district} or
 * {@code district-id}.
 */
package io.gridpulse.replay.csv;
