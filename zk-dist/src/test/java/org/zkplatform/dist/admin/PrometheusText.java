package org.zkplatform.dist.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus's text exposition format (version 0.0.4) for tests: every line is
 * a {@code # HELP}, a {@code # TYPE} or a sample of a family whose TYPE came before it; a sample
 * is {@code name{label="value",...} number}. Anything else fails the parse.
 */
public final class PrometheusText {

    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");

    /** One sample. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, String> types;
    private final List<Sample> samples;

    private PrometheusText(Map<String, String> types, List<Sample> samples) {
        this.types = types;
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        Map<String, String> types = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new IllegalArgumentException("line " + lineNumber + ": family declared twice: " + line);
                }
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("line " + lineNumber + " is not a sample: " + line);
            }
            String name = sample.group(1);
            if (family(name, types).isEmpty()) {
                throw new IllegalArgumentException("line " + lineNumber + ": sample of an undeclared family: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null && !sample.group(3).isEmpty()) {
                Matcher label = LABEL.matcher(sample.group(3));
                int end = 0;
                while (label.find() && label.start() == end) {
                    labels.put(label.group(1), label.group(2));
                    end = label.end();
                }
                if (end != sample.group(3).length()) {
                    throw new IllegalArgumentException("line " + lineNumber + ": bad labels: " + line);
                }
            }
            samples.add(new Sample(name, labels, Double.parseDouble(sample.group(4).replace("+Inf", "Infinity")
                    .replace("-Inf", "-Infinity"))));
        }
        return new PrometheusText(types, samples);
    }

    /** The declared family a sample name belongs to (histograms add _bucket, _count, _sum; counters _total). */
    private static Optional<String> family(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return Optional.of(name);
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return Optional.of(name.substring(0, name.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    public Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    /** The value of the sample {@code name} with exactly {@code labels} ("k", "v", ...), if present. */
    public Optional<Double> value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted))
                .map(Sample::value).findFirst();
    }

    public List<Sample> samples() {
        return samples;
    }
}
