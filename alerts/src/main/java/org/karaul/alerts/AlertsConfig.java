package org.karaul.alerts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.karaul.alerts.http.HttpSecurity;
import org.karaul.alerts.secrets.SecretKeys;
import org.karaul.alerts.webhook.UrlGuard;
import org.karaul.alerts.webhook.WebhookSettings;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;
import org.karaul.deadletter.DeadLetters;
import org.karaul.streams.StreamsHealth;

/**
 * The alerts service's settings, documented in {@code alerts-defaults.properties}. Start-up is refused when the desk
 * page and API are bound to an address other than loopback without a desk token, with a token shorter than
 * {@link #MIN_TOKEN} characters, or (webhooks on) without keys for the webhook secrets.
 */
public record AlertsConfig(
        String applicationId,
        Path rulesPath,
        Path stateDir,
        Duration commitInterval,
        Path groupingRulesPath,
        Duration developmentsPunctuate,
        int developmentsMaxBytes,
        String formerDevelopmentsGroup,
        int deadLetterMaxBytes,
        String groupInstanceId,
        String dispatchGroupId,
        boolean console,
        boolean createTopics,
        String opsHost,
        int opsPort,
        String httpHost,
        int httpPort,
        int deskKeep,
        HttpSecurity httpSecurity,
        boolean webhooks,
        WebhookSettings webhookSettings,
        Path stixExportDir,
        StreamsHealth.Limit health,
        boolean sourceAlerts,
        Properties kafka) {

    public static final String DEFAULTS = "alerts-defaults.properties";
    /** Least length of a token when the HTTP server is reachable from other machines. */
    public static final int MIN_TOKEN = 16;
    /** The key file used when no keys are configured (only on a loopback-bound service), in the state directory. */
    public static final String GENERATED_KEY_FILE = "webhook-secret.keys";

    public static AlertsConfig from(Settings s) {
        String host = s.string("alerts.http.host");
        int port = s.intValue("alerts.http.port", -1, 65535);
        boolean exposed = port >= 0 && !loopback(host);
        HttpSecurity security = new HttpSecurity(s.optionalString("alerts.desk.token"), s.bool("alerts.desk.cookie.secure"),
                s.intValue("alerts.http.rate.per.minute", 0, 1_000_000), s.intValue("alerts.http.rate.burst", 1, 1_000_000));
        if (exposed) {
            requireToken(s, "alerts.desk.token", host, "the desk page's login token");
            String apiToken = s.optionalString("alerts.webhooks.token");
            if (apiToken != null) {
                requireToken(s, "alerts.webhooks.token", host, "the webhook API's bearer token");
            }
        }
        String applicationId = s.string("alerts.application.id");
        return new AlertsConfig(
                applicationId,
                s.optionalPath("alerts.rules.path"),
                Path.of(s.string("alerts.state.dir")),
                s.duration("alerts.commit.interval"),
                s.optionalPath("alerts.developments.rules.path"),
                s.duration("alerts.developments.punctuate.interval"),
                s.intValue("alerts.developments.max.bytes", 1024, 64 * 1024 * 1024),
                formerGroup(s, applicationId),
                s.intValue("alerts.dead.letter.max.bytes", DeadLetters.EXCERPT_BYTES, 64 * 1024 * 1024),
                s.optionalString("alerts.group.instance.id"),
                s.string("alerts.dispatch.group.id"),
                s.bool("alerts.console.enabled"),
                s.bool("alerts.topics.create"),
                s.string("alerts.ops.host"),
                s.intValue("alerts.ops.port", -1, 65535),
                host,
                port,
                s.intValue("alerts.desk.keep", 1, 100_000),
                security,
                s.bool("alerts.webhooks.enabled"),
                webhookSettings(s, exposed && s.bool("alerts.webhooks.enabled")),
                s.optionalPath("alerts.export.stix.dir"),
                StreamsHealth.Limit.from(s, "alerts"),
                s.bool("alerts.sources.alerts.enabled"),
                s.kafkaProperties());
    }

    /**
     * Whether every address {@code host} names is a loopback one (so only this machine can connect); a name that does
     * not resolve counts as not loopback.
     */
    public static boolean loopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The processor's former developments group, or null when the check is off; never the stream's own group. */
    private static String formerGroup(Settings s, String applicationId) {
        String former = s.optionalString("alerts.developments.former.group");
        if (applicationId.equals(former)) {
            throw new ConfigException("alerts.developments.former.group", s.origin("alerts.developments.former.group"),
                    "names the stream's own group (alerts.application.id " + applicationId + "): set the processor's"
                            + " former developments application id, or empty to skip the check");
        }
        return former;
    }

    private static void requireToken(Settings s, String key, String host, String what) {
        String token = s.optionalString(key);
        if (token == null) {
            throw new ConfigException(key, s.origin(key), "alerts.http.host is " + host + ", not a loopback address, so "
                    + what + " is required: set " + key + " (at least " + MIN_TOKEN + " characters), or bind"
                    + " alerts.http.host to 127.0.0.1 and put a reverse proxy with its own login in front");
        }
        if (token.length() < MIN_TOKEN) {
            throw new ConfigException(key, s.origin(key), "alerts.http.host is " + host + ", not a loopback address, so "
                    + what + " must have at least " + MIN_TOKEN + " characters");
        }
    }

    /**
     * The keys of the webhook secrets: {@code alerts.webhooks.secret.keys}, else {@code alerts.webhooks.secret.keys.file},
     * else (only when {@code exposed} is false) a key file generated in the state directory.
     */
    private static SecretKeys.Source secretKeys(Settings s, boolean exposed) {
        String inline = s.optionalString("alerts.webhooks.secret.keys");
        if (inline != null) {
            try {
                return new SecretKeys.Source(SecretKeys.parse(inline), null);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("alerts.webhooks.secret.keys", s.origin("alerts.webhooks.secret.keys"), e.getMessage());
            }
        }
        Path file = s.optionalPath("alerts.webhooks.secret.keys.file");
        if (file != null) {
            return new SecretKeys.Source(null, file);
        }
        if (exposed) {
            throw new ConfigException("alerts.webhooks.secret.keys", s.origin("alerts.webhooks.secret.keys"),
                    "alerts.http.host is " + s.string("alerts.http.host") + ", not a loopback address, so the webhook"
                            + " secrets need a configured key: set alerts.webhooks.secret.keys (ID:BASE64, e.g. k1: and the"
                            + " output of openssl rand -base64 32) or alerts.webhooks.secret.keys.file");
        }
        return new SecretKeys.Source(null, Path.of(s.string("alerts.state.dir")).resolve(GENERATED_KEY_FILE));
    }

    private static WebhookSettings webhookSettings(Settings s, boolean exposed) {
        String allowText = s.optionalString("alerts.webhooks.allow");
        List<String> allow = allowText == null ? List.of() : Arrays.stream(allowText.split(",")).map(String::trim)
                .filter(x -> !x.isEmpty()).toList();
        try {
            new UrlGuard(allow);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("alerts.webhooks.allow", s.origin("alerts.webhooks.allow"), e.getMessage());
        }
        return new WebhookSettings(s.optionalString("alerts.webhooks.token"), allow,
                s.duration("alerts.webhooks.retry.max.age"),
                s.duration("alerts.webhooks.backoff.initial"),
                s.duration("alerts.webhooks.backoff.max"),
                s.duration("alerts.webhooks.timeout"),
                s.string("alerts.webhooks.group.prefix"),
                secretKeys(s, exposed));
    }
}
