package dev.cfsign.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Turns JMH JSON results into a Markdown table of medians (machines here are shared and noisy, so medians of the
 * measured iterations, not means) with the ratios cfsign/AWS SDK and cfsign/ceiling for the same key, hash and threads.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.cfsign.bench.Report results.json [more.json…]}
 */
public final class Report {
    private Report() {}

    record Row(String benchmark, String method, Map<String, String> params, int threads, double median, double bytesPerOp) {
        String group() {
            return benchmark + " " + params + " t=" + threads;
        }

        String family() {
            int u = method.indexOf('_');
            return u < 0 ? method : method.substring(0, u);
        }

        String contender() {
            int u = method.indexOf('_');
            return u < 0 ? "" : method.substring(u + 1);
        }
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String file : args) {
            JsonNode root = JsonNodeParser.create().parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            for (JsonNode run : root.asArray()) {
                rows.add(row(run));
            }
        }
        System.out.print(render(rows));
    }

    static Row row(JsonNode run) {
        String full = run.field("benchmark").get().asString();
        String[] parts = full.split("\\.");
        String benchmark = parts[parts.length - 2];
        String method = parts[parts.length - 1];
        Map<String, String> params = new LinkedHashMap<>();
        run.field("params").ifPresent(p -> p.asObject().forEach((k, v) -> params.put(k, v.asString())));
        int threads = Integer.parseInt(run.field("threads").get().asNumber());
        double median = median(run.field("primaryMetric").get().field("rawData").get());
        double bytes = Double.NaN;
        JsonNode secondary = run.field("secondaryMetrics").orElse(null);
        if (secondary != null && secondary.field("gc.alloc.rate.norm").isPresent()) {
            bytes = median(secondary.field("gc.alloc.rate.norm").get().field("rawData").get());
        }
        return new Row(benchmark, method, params, threads, median, bytes);
    }

    static double median(JsonNode rawData) {
        List<Double> all = new ArrayList<>();
        for (JsonNode fork : rawData.asArray()) {
            for (JsonNode v : fork.asArray()) {
                all.add(Double.parseDouble(v.asNumber()));
            }
        }
        double[] d = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (d.length == 0) {
            return Double.NaN;
        }
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }

    static String render(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | params | threads | median ops/s | B/op | ×SDK | ×ceiling |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            Row sdk = find(rows, r, r.family(), "awsSdk");
            Row ceiling = r.contender().contains("Corretto") ? find(rows, r, "ceiling", "rawCorretto")
                    : r.contender().contains("Jdk") ? find(rows, r, "ceiling", "rawJdk") : null;
            if (r.benchmark().startsWith("Verify")) {
                ceiling = r.contender().contains("Corretto") ? find(rows, r, "ceiling", "rawVerifyCorretto")
                        : r.contender().contains("Jdk") ? find(rows, r, "ceiling", "rawVerifyJdk") : null;
            }
            sb.append("| ").append(r.benchmark()).append('.').append(r.method())
                    .append(" | ").append(r.params().values())
                    .append(" | ").append(r.threads())
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", r.median()))
                    .append(" | ").append(Double.isNaN(r.bytesPerOp()) ? "" : String.format(Locale.ROOT, "%,.0f", r.bytesPerOp()))
                    .append(" | ").append(ratio(r, sdk))
                    .append(" | ").append(r.family().equals("ceiling") ? "" : ratio(r, ceiling))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static Row find(List<Row> rows, Row like, String family, String contender) {
        for (Row o : rows) {
            if (o.benchmark().equals(like.benchmark()) && o.params().equals(like.params()) && o.threads() == like.threads()
                    && o.family().equals(family) && o.contender().equals(contender)) {
                return o;
            }
        }
        return null;
    }

    private static String ratio(Row r, Row base) {
        if (base == null || base == r || Double.isNaN(base.median()) || base.median() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", r.median() / base.median());
    }

}
