package io.gridpulse.dashboard.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page and what it loads, all from the classpath: the dashboard's own files and uPlot from its
 * WebJar, so the page works on an operator network without internet. Only these paths are served.
 */
final class StaticFiles {

    private static final String WEB = "/io/gridpulse/dashboard/web/";
    private static final String UPLOT =
            "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";

    record File(String resource, String contentType) {}

    private static final Map<String, File> FILES =
            Map.of(
                    "/", new File(WEB + "index.html", "text/html; charset=utf-8"),
                    "/app.js", new File(WEB + "app.js", "text/javascript; charset=utf-8"),
                    "/app.css", new File(WEB + "app.css", "text/css; charset=utf-8"),
                    "/vendor/uPlot.iife.min.js",
                            new File(UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
                    "/vendor/uPlot.min.css",
                            new File(UPLOT + "uPlot.min.css", "text/css; charset=utf-8"));

    private StaticFiles() {}

    static File find(String path) {
        return FILES.get(path);
    }

    static byte[] read(File file) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(file.resource())) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + file.resource());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The WebJar's version, from its Maven metadata, so upgrading uPlot is a change of the pom
     * alone.
     */
    private static String uplotVersion() {
        try (InputStream in =
                StaticFiles.class.getResourceAsStream(
                        "/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the uPlot WebJar is not on the classpath", e);
        }
    }
}
