package org.zkplatform.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link Settings} over a flat map of dotted keys; see {@link Settings#of(Map)}. */
final class MapSettings implements Settings {

    private static final Pattern AMOUNT = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z]*)\\s*");

    private final String path;
    private final Map<String, Object> flat;

    private MapSettings(String path, Map<String, Object> flat) {
        this.path = path;
        this.flat = flat;
    }

    static MapSettings root(Map<String, ?> values) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", values, flat);
        return new MapSettings("", Map.copyOf(flat));
    }

    private static void flatten(String prefix, Map<String, ?> values, Map<String, Object> out) {
        values.forEach((key, value) -> {
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) nested;
                flatten(full, typed, out);
            } else if (value != null) {
                out.put(full, value);
            }
        });
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean has(String key) {
        return flat.containsKey(key);
    }

    private Object require(String key, String expected) {
        Object value = flat.get(key);
        if (value == null) {
            throw invalid(key, null, expected);
        }
        return value;
    }

    @Override
    public String getString(String key) {
        Object value = require(key, "a string");
        if (value instanceof List<?>) {
            throw invalid(key, value, "a string");
        }
        return value.toString();
    }

    @Override
    public int getInt(String key) {
        long value = getLong(key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(key, value, "a 32-bit integer");
        }
        return (int) value;
    }

    @Override
    public long getLong(String key) {
        Object value = require(key, "an integer");
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "an integer");
        }
    }

    @Override
    public boolean getBoolean(String key) {
        Object value = require(key, "true or false");
        if (value instanceof Boolean bool) {
            return bool;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    @Override
    public Duration getDuration(String key) {
        Object value = require(key, "a duration such as 200ms or 3s");
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value instanceof Number number) {
            return Duration.ofMillis(number.longValue());
        }
        Matcher m = AMOUNT.matcher(value.toString());
        if (!m.matches()) {
            throw invalid(key, value, "a duration such as 200ms or 3s");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "ms", "millis", "milliseconds" -> Duration.ofMillis(amount);
            case "s", "second", "seconds" -> Duration.ofSeconds(amount);
            case "m", "minute", "minutes" -> Duration.ofMinutes(amount);
            case "h", "hour", "hours" -> Duration.ofHours(amount);
            case "d", "day", "days" -> Duration.ofDays(amount);
            default -> throw invalid(key, value, "a duration such as 200ms or 3s");
        };
    }

    @Override
    public long getBytes(String key) {
        Object value = require(key, "a size such as 512, 64k or 1MiB");
        if (value instanceof Number number) {
            return number.longValue();
        }
        Matcher m = AMOUNT.matcher(value.toString());
        if (!m.matches()) {
            throw invalid(key, value, "a size such as 512, 64k or 1MiB");
        }
        long amount = Long.parseLong(m.group(1));
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b", "byte", "bytes" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            default -> throw invalid(key, value, "a size such as 512, 64k or 1MiB");
        };
        return Math.multiplyExact(amount, unit);
    }

    @Override
    public List<String> getStringList(String key) {
        Object value = require(key, "a list of strings");
        if (value instanceof List<?> list) {
            return list.stream().map(Objects::toString).toList();
        }
        throw invalid(key, value, "a list of strings");
    }

    @Override
    public List<Settings> getSectionList(String key) {
        Object value = flat.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(key, value, "a list of objects");
        }
        List<Settings> sections = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw invalid(key, value, "a list of objects");
            }
            Map<String, Object> flatItem = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) map;
            flatten("", typed, flatItem);
            sections.add(new MapSettings(absoluteKey(key) + "." + i, Map.copyOf(flatItem)));
        }
        return List.copyOf(sections);
    }

    @Override
    public Settings section(String key) {
        String prefix = key + ".";
        Map<String, Object> sub = new LinkedHashMap<>();
        flat.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                sub.put(k.substring(prefix.length()), v);
            }
        });
        return new MapSettings(absoluteKey(key), Map.copyOf(sub));
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (String k : flat.keySet()) {
            int dot = k.indexOf('.');
            keys.add(dot < 0 ? k : k.substring(0, dot));
        }
        return Set.copyOf(keys);
    }

    @Override
    public String toString() {
        return "Settings[" + path + "]" + flat;
    }
}
