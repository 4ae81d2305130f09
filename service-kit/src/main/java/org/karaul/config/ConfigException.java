package org.karaul.config;

/** A configuration key is unknown, missing or invalid. The message names the key and where it came from. */
public class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String origin, String problem) {
        super("config key '" + key + "'" + (origin == null ? "" : " (from " + origin + ")") + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
