package dev.cfsign.edge;

import dev.cfsign.Durations;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The edge's configuration file format: {@code key = value} lines, {@code #} starts a comment, relative paths are
 * resolved against the file's folder. Each key calls the {@link EdgeConfig.Builder} setter of the same name — the
 * setters the {@code cfsign serve} flags call — so a key and its flag can never mean different things:
 *
 * <pre>
 * root, origin, trust.KEY-PAIR-ID (a public key file), protect and public (path patterns; repeatable, or
 * comma-separated, in order), default (signed or public), public-url, host, port, clock-skew, explain,
 * verification-cache, verification-cache-size, idle-timeout, header-timeout, and the {@link StreamingOptions}
 * sign-manifests, cors, hide-missing-objects
 * </pre>
 *
 * <p>Durations use core's one grammar ({@link Durations}: {@code 30s}, {@code 2m}, {@code 500ms}, {@code PT30S}).
 */
final class EdgeConfigFile {
    static final String KEYS = "root, origin, trust.<KEY-PAIR-ID>, protect, public, default, public-url, host, port,"
            + " clock-skew, explain, verification-cache, verification-cache-size, idle-timeout, header-timeout,"
            + " sign-manifests, cors, hide-missing-objects";

    private EdgeConfigFile() {}

    static void apply(EdgeConfig.Builder b, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (n + 1) + ": expected key = value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            try {
                apply(b, key, value, dir);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (n + 1) + " (" + key + "): "
                        + e.getMessage(), e);
            }
        }
    }

    private static void apply(EdgeConfig.Builder b, String key, String value, Path dir) throws IOException {
        if (key.startsWith("trust.")) {
            b.trust(key.substring("trust.".length()), dir.resolve(value).normalize());
            return;
        }
        switch (key.toLowerCase(Locale.ROOT)) {
            case "root" -> b.root(dir.resolve(value).normalize());
            case "origin" -> b.origin(URI.create(value));
            case "protect" -> {
                for (String p : value.split(",")) {
                    b.protect(p.strip());
                }
            }
            case "public" -> {
                for (String p : value.split(",")) {
                    b.publicPath(p.strip());
                }
            }
            case "default" -> {
                if (!value.equals("signed") && !value.equals("public")) {
                    throw new IllegalArgumentException("default is signed or public");
                }
                b.defaultRequiresSignature(value.equals("signed"));
            }
            case "public-url" -> b.publicUrl(value);
            case "host" -> b.host(value);
            case "port" -> b.port(parseInt(value));
            case "clock-skew" -> b.clockSkew(Durations.parse(value));
            case "explain" -> b.explain(parseBoolean(value));
            case "verification-cache" -> b.verificationCache(parseBoolean(value));
            case "verification-cache-size" -> b.verificationCacheSize(parseInt(value));
            case "idle-timeout" -> b.idleTimeout(Durations.parse(value));
            case "header-timeout" -> b.headerTimeout(Durations.parse(value));
            case "sign-manifests" -> b.streaming(b.streaming().withSignManifests(parseBoolean(value)));
            case "cors" -> b.streaming(b.streaming().withCorsOrigin(value));
            case "hide-missing-objects" -> b.streaming(b.streaming().withHideMissingObjects(parseBoolean(value)));
            default -> throw new IllegalArgumentException("unknown key; known: " + KEYS);
        }
    }

    private static int parseInt(String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static boolean parseBoolean(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
