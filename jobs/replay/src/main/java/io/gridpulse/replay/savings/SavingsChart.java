package io.gridpulse.replay.savings;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * A PNG line chart of each district's cumulative savings (% of predicted use) against the target,
 * over the days.
 */
final class SavingsChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 50;
    private static final int BOTTOM = 50;
    private static final Color[] COLORS = {
        new Color(0x1f77b4),
        new Color(0xff7f0e),
        new Color(0x2ca02c),
        new Color(0xd62728),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x7f7f7f)
    };

    private SavingsChart() {}

    static void write(Path file, Map<String, TreeMap<LocalDate, Double>> series, double target)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        LocalDate first =
                series.values().stream()
                        .filter(s -> !s.isEmpty())
                        .map(TreeMap::firstKey)
                        .min(LocalDate::compareTo)
                        .orElse(LocalDate.now());
        LocalDate last =
                series.values().stream()
                        .filter(s -> !s.isEmpty())
                        .map(TreeMap::lastKey)
                        .max(LocalDate::compareTo)
                        .orElse(first.plusDays(1));
        double days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        double low =
                Math.min(
                        0,
                        series.values().stream()
                                .flatMap(s -> s.values().stream())
                                .mapToDouble(Double::doubleValue)
                                .min()
                                .orElse(0));
        double high =
                Math.max(
                        target * 1.3,
                        series.values().stream()
                                .flatMap(s -> s.values().stream())
                                .mapToDouble(Double::doubleValue)
                                .max()
                                .orElse(target));
        Plot plot = new Plot(first, days, low, high);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 5; i++) {
            double value = low + (high - low) * i / 5;
            int y = plot.y(value);
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f%%", 100 * value), 10, y + 4);
            g.setColor(new Color(0xdddddd));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        g.drawString(first.toString(), LEFT, HEIGHT - BOTTOM + 18);
        g.drawString(last.toString(), WIDTH - RIGHT - 70, HEIGHT - BOTTOM + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(
                "Cumulative savings against the target (CalTRACK, weather-normalised)", LEFT, 28);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.RED);
        g.setStroke(
                new BasicStroke(
                        1.5f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        10,
                        new float[] {6, 4},
                        0));
        g.drawLine(LEFT, plot.y(target), WIDTH - RIGHT, plot.y(target));
        g.drawString(
                String.format(Locale.ROOT, "target %.0f%%", 100 * target),
                WIDTH - RIGHT + 10,
                plot.y(target) + 4);
        g.setStroke(new BasicStroke(2f));
        int colour = 0;
        int legendY = TOP + 10;
        for (Map.Entry<String, TreeMap<LocalDate, Double>> district : series.entrySet()) {
            g.setColor(COLORS[colour++ % COLORS.length]);
            int[] previous = null;
            for (Map.Entry<LocalDate, Double> day : district.getValue().entrySet()) {
                int[] point = {plot.x(day.getKey()), plot.y(day.getValue())};
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], point[0], point[1]);
                }
                previous = point;
            }
            g.drawLine(WIDTH - RIGHT + 10, legendY, WIDTH - RIGHT + 30, legendY);
            g.drawString(district.getKey(), WIDTH - RIGHT + 36, legendY + 4);
            legendY += 18;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** Data to pixel coordinates. */
    private record Plot(LocalDate first, double days, double low, double high) {
        int x(LocalDate date) {
            return LEFT
                    + (int)
                            Math.round(
                                    (WIDTH - LEFT - RIGHT)
                                            * ChronoUnit.DAYS.between(first, date)
                                            / days);
        }

        int y(double value) {
            return HEIGHT
                    - BOTTOM
                    - (int) Math.round((HEIGHT - TOP - BOTTOM) * (value - low) / (high - low));
        }
    }
}
