package org.karaul.alerts.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSealerTest {
    private static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void shouldSealSoTheSecretIsNotInTheTextAndOpenItAgain() throws Exception {
        SecretSealer sealer = new SecretSealer(SecretKeys.parse(K1));
        String secret = "my-signing-secret-0123456789";
        String sealed = sealer.seal("wh-1", secret);
        assertThat(sealed).startsWith("v1:k1:").doesNotContain(secret)
                .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes()));
        assertThat(sealer.seal("wh-1", secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(sealer.open("wh-1", sealed)).isEqualTo(secret);
        assertThat(sealer.current(sealed)).isTrue();
    }

    @Test
    void shouldNotOpenForAnotherSubscriptionOrWhenAlteredOrUnderAnUnknownKey() {
        SecretSealer sealer = new SecretSealer(SecretKeys.parse(K1));
        String sealed = sealer.seal("wh-1", "secret-secret-secret");
        assertThatThrownBy(() -> sealer.open("wh-2", sealed)).isInstanceOf(SecretSealer.SealException.class)
                .hasMessageContaining("another subscription");
        char last = sealed.charAt(sealed.length() - 5);
        String altered = sealed.substring(0, sealed.length() - 5) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 4);
        assertThatThrownBy(() -> sealer.open("wh-1", altered)).isInstanceOf(SecretSealer.SealException.class);
        SecretSealer other = new SecretSealer(SecretKeys.parse(K2));
        assertThatThrownBy(() -> other.open("wh-1", sealed)).hasMessageContaining("key 'k1'").hasMessageContaining("[k2]");
        assertThatThrownBy(() -> sealer.open("wh-1", "secret in clear")).hasMessageContaining("not a sealed secret");
    }

    @Test
    void shouldOpenWithAnOlderKeyAfterRotationAndSealWithTheNewOne() throws Exception {
        String old = new SecretSealer(SecretKeys.parse(K1)).seal("wh-1", "rotating-secret-123");
        SecretSealer rotated = new SecretSealer(SecretKeys.parse(K2 + "," + K1));
        assertThat(rotated.open("wh-1", old)).isEqualTo("rotating-secret-123");
        assertThat(rotated.current(old)).as("re-sealed at start-up").isFalse();
        assertThat(rotated.seal("wh-1", "x")).startsWith("v1:k2:");
    }

    @Test
    void shouldRejectBadKeysWithoutShowingTheirMaterial() {
        String shortKey = Base64.getEncoder().encodeToString("too-short".getBytes());
        assertThatThrownBy(() -> SecretKeys.parse("k1:" + shortKey)).hasMessageContaining("9 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SecretKeys.parse("k1:not base64!")).hasMessageContaining("base64")
                .hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> SecretKeys.parse(K1 + "," + K1)).hasMessageContaining("twice");
        assertThatThrownBy(() -> SecretKeys.parse("noid")).hasMessageContaining("ID:BASE64");
        assertThatThrownBy(() -> SecretKeys.parse(" ")).hasMessageContaining("no key");
    }

    @Test
    void shouldGenerateAKeyFileReadableByItsOwnerOnlyAndReadTheSameKeyAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state").resolve("webhook-secret.keys");
        SecretKeys first = SecretKeys.loadOrCreate(file);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = new SecretSealer(first).seal("wh-1", "kept-across-restarts");
        SecretKeys again = SecretKeys.loadOrCreate(file);
        assertThat(again.ids()).isEqualTo(first.ids());
        assertThat(new SecretSealer(again).open("wh-1", sealed)).isEqualTo("kept-across-restarts");
    }
}
