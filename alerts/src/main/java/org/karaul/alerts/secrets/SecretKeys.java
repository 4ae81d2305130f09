package org.karaul.alerts.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES keys that seal webhook secrets, by key id; the first one seals, every one opens. Written as
 * {@code ID:BASE64} entries (16 or 32 bytes of key), separated by commas or new lines; in a file, lines starting
 * with {@code #} are comments. Key material never appears in an exception message or a log line.
 */
public final class SecretKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String primary;

    /**
     * Where the keys come from: given in the configuration, or a key file (generated when missing).
     *
     * @param inline the keys of {@code alerts.webhooks.secret.keys}, or null
     * @param file   the key file, used when {@code inline} is null
     */
    public record Source(SecretKeys inline, Path file) {
        public SecretKeys load() {
            return inline != null ? inline : loadOrCreate(file);
        }

        @Override
        public String toString() {
            return inline != null ? "alerts.webhooks.secret.keys " + inline.ids() : "key file " + file;
        }
    }

    private SecretKeys(Map<String, SecretKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key given (expected ID:BASE64, e.g. k1:" + "A".repeat(43) + "=)");
        }
        this.keys = Map.copyOf(keys);
        this.primary = keys.keySet().iterator().next();
    }

    /** Parses {@code ID:BASE64} entries; the message of a failure names the entry by its position and id only. */
    public static SecretKeys parse(String text) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        int n = 0;
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("#")) {
                entries.addAll(List.of(line.split(",")));
            }
        }
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            n++;
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!id.matches("[A-Za-z0-9._-]{1,32}")) {
                throw new IllegalArgumentException("key " + n + " is not ID:BASE64 with an id of 1 to 32 letters, digits, '.', '_' or '-'");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key '" + id + "' is not valid base64");
            }
            if (material.length != 16 && material.length != 32) {
                throw new IllegalArgumentException("key '" + id + "' has " + material.length
                        + " bytes; an AES key has 16 or 32 (e.g. openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("key id '" + id + "' appears twice");
            }
        }
        return new SecretKeys(keys);
    }

    /**
     * The keys in {@code file}; when the file does not exist, a new 256-bit key is generated and written there,
     * readable by the owner only, and a warning says so.
     */
    public static SecretKeys loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the webhook secret key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        String id = "gen-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "-" + HexFormat.of().formatHex(suffix);
        String text = "# Key that seals the webhook secrets on karaul.webhooks.subscriptions, generated by the alerts service.\n"
                + "# Back it up: without it the subscriptions cannot be delivered. Every instance needs the same keys.\n"
                + id + ":" + Base64.getEncoder().encodeToString(material) + "\n";
        Path tmp = Files.createTempFile(dir, ".webhook-secret", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // on a file system without POSIX permissions the directory's protection has to do
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
        LOG.warn("generated a new key '{}' for the webhook secrets in {}: back it up, and give every alerts instance the"
                + " same keys (alerts.webhooks.secret.keys or alerts.webhooks.secret.keys.file)", id, file);
    }

    /** The id of the key that seals. */
    public String primary() {
        return primary;
    }

    SecretKey key(String id) {
        return keys.get(id);
    }

    /** Every key id, the sealing one first. */
    public List<String> ids() {
        List<String> out = new ArrayList<>();
        out.add(primary);
        keys.keySet().stream().filter(k -> !k.equals(primary)).sorted().forEach(out::add);
        return out;
    }

    @Override
    public String toString() {
        return "SecretKeys" + ids();
    }
}
