package org.karaul.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's resolved configuration. Every key a service reads is declared, with its default and a comment,
 * in a defaults file inside its jar; a file (properties format) and environment variables override them.
 *
 * <p>Environment variable for a key: {@code KARAUL_} plus the key upper-cased with dots as underscores,
 * e.g. {@code kafka.bootstrap.servers} → {@code KARAUL_KAFKA_BOOTSTRAP_SERVERS}. Only variables in the
 * service's own namespaces (the first segments of its declared keys) are read.
 *
 * <p>Keys under {@code kafka.} pass through to the Kafka clients (see {@link #kafkaProperties()}), so they
 * need not be declared; any other key that is not declared stops start-up.
 */
public final class Settings {
    public static final String KAFKA_PREFIX = "kafka.";
    private static final String ENV_PREFIX = "KARAUL_";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    /**
     * Keys no service reads any more because what they set moved to another service, with what to do instead:
     * naming one (in a file, the overrides or the environment) stops start-up with that advice.
     */
    private static final Map<String, String> MOVED = Map.of(
            "processor.developments.enabled", "leave it out (the alerts service groups every relevant item it reads)",
            "processor.developments.rules.path", "set alerts.developments.rules.path in the alerts service instead",
            "processor.developments.punctuate.interval",
            "set alerts.developments.punctuate.interval in the alerts service instead",
            "processor.developments.items.max.bytes", "set alerts.developments.max.bytes in the alerts service instead");

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private Settings(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    /**
     * Loads defaults from a classpath resource, then the optional file, then the environment.
     *
     * @throws ConfigException naming the first unknown key
     */
    public static Settings load(String defaultsResource, Path file, Map<String, String> env) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        Properties defaults = readDefaults(defaultsResource);
        defaults.stringPropertyNames().forEach(k -> put(values, origins, k, defaults.getProperty(k), defaultsResource));
        if (file != null) {
            Properties overrides = readFile(file);
            for (String key : overrides.stringPropertyNames()) {
                requireKnown(defaults, key, file.toString());
                put(values, origins, key, overrides.getProperty(key), file.toString());
            }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String key = keyForEnv(defaults, e.getKey());
            if (key != null) {
                put(values, origins, key, e.getValue(), "environment " + e.getKey());
            }
        }
        return new Settings(values, origins);
    }

    /** Defaults only, with the given overrides: for tests and embedded use. Unknown keys still fail. */
    public static Settings of(String defaultsResource, Map<String, String> overrides) {
        Settings base = load(defaultsResource, null, Map.of());
        Properties defaults = readDefaults(defaultsResource);
        Map<String, String> values = new TreeMap<>(base.values);
        Map<String, String> origins = new LinkedHashMap<>(base.origins);
        overrides.forEach((k, v) -> {
            requireKnown(defaults, k, "overrides");
            put(values, origins, k, v, "overrides");
        });
        return new Settings(values, origins);
    }

    /** The environment variable that sets a key. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String key) {
        String v = raw(key);
        if (v.isBlank()) {
            throw new ConfigException(key, origins.get(key), "must not be empty");
        }
        return v.trim();
    }

    /** The value, or null when it is empty. */
    public String optionalString(String key) {
        String v = raw(key).trim();
        return v.isEmpty() ? null : v;
    }

    public int intValue(String key, int min, int max) {
        String v = string(key);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new ConfigException(key, origins.get(key), "must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, origins.get(key), "not a whole number: '" + v + "'");
        }
    }

    public boolean bool(String key) {
        String v = string(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(key, origins.get(key), "not a boolean (true/false): '" + v + "'");
        };
    }

    /** A duration written as a number and a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    public Duration duration(String key) {
        return parseDuration(key, string(key), origins.get(key));
    }

    /**
     * Parses a duration for a key read from elsewhere (a YAML file, say): a number and a unit ({@code 500ms},
     * {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT15M}).
     *
     * @throws ConfigException naming the key and origin when the text is not a duration
     */
    public static Duration parseDuration(String key, String text, String origin) {
        String v = text == null ? "" : text.trim();
        Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            try {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new ConfigException(key, origin,
                        "not a duration like 500ms, 30s, 5m, 2h, 1d or PT15M: '" + text + "'");
            }
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** A path, or null when empty. */
    public Path optionalPath(String key) {
        String v = optionalString(key);
        return v == null ? null : Path.of(v);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String v = string(key);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, origins.get(key), "unknown value '" + v + "'; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    /** All {@code kafka.*} keys with the prefix removed and empty values left out, for a Kafka client. */
    public Properties kafkaProperties() {
        Properties p = new Properties();
        values.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX) && !v.isBlank()) {
                p.put(k.substring(KAFKA_PREFIX.length()), v.trim());
            }
        });
        return p;
    }

    /** Where a key's value came from: the defaults resource, a file or an environment variable. */
    public String origin(String key) {
        return origins.get(key);
    }

    private String raw(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException(key, null, "not declared in the defaults file");
        }
        return v;
    }

    private static void put(Map<String, String> values, Map<String, String> origins, String k, String v, String origin) {
        values.put(k, v);
        origins.put(k, origin);
    }

    private static void requireKnown(Properties defaults, String key, String origin) {
        requireNotMoved(key, origin);
        if (!defaults.containsKey(key) && !key.startsWith(KAFKA_PREFIX)) {
            throw new ConfigException(key, origin, "unknown key; every key is listed with its default in the defaults file");
        }
    }

    private static void requireNotMoved(String key, String origin) {
        String advice = MOVED.get(key);
        if (advice != null) {
            throw new ConfigException(key, origin, "no longer read here, the development stage moved to the alerts"
                    + " service: " + advice);
        }
    }

    private static String keyForEnv(Properties defaults, String envName) {
        if (!envName.startsWith(ENV_PREFIX)) {
            return null;
        }
        // only in the service whose namespace the moved key is in: another service's environment may share it
        MOVED.keySet().stream().filter(k -> envName(k).equals(envName))
                .filter(k -> defaults.stringPropertyNames().stream()
                        .anyMatch(d -> d.startsWith(k.substring(0, k.indexOf('.') + 1))))
                .findFirst().ifPresent(k -> requireNotMoved(k, "environment " + envName));
        for (String key : defaults.stringPropertyNames()) {
            if (envName(key).equals(envName)) {
                return key;
            }
        }
        if (envName.startsWith(envName(KAFKA_PREFIX))) {
            return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        for (String key : defaults.stringPropertyNames()) {
            String namespace = key.substring(0, key.indexOf('.') + 1);
            if (!namespace.isEmpty() && !namespace.equals(KAFKA_PREFIX) && envName.startsWith(envName(namespace))) {
                throw new ConfigException(envName, "environment", "no such key in this service's namespace '"
                        + namespace.substring(0, namespace.length() - 1) + "'");
            }
        }
        return null;
    }

    private static Properties readDefaults(String resource) {
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("defaults resource missing from the classpath: " + resource);
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read defaults resource " + resource, e);
        }
    }

    private static Properties readFile(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return p;
        } catch (IOException e) {
            throw new ConfigException("--config", file.toString(), "cannot read the file: " + e.getMessage());
        }
    }
}
