package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static final byte[] BODY = "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldSignDeliveryIdDotBodyWithHmacSha256() {
        // echo -n 'dlv-1.{"id":"a"}' | openssl dgst -sha256 -hmac s3cret
        assertThat(Signatures.sign("s3cret", "dlv-1", BODY))
                .isEqualTo("sha256=2426c2cf107f72de7ca885a68bbfed86769530b27b9a576b5e1e809c39512462");
    }

    @Test
    void shouldVerifyOnlyTheRightSecretDeliveryAndBody() {
        String header = Signatures.sign("s3cret", "dlv-1", BODY);
        assertThat(Signatures.verify("s3cret", "dlv-1", BODY, header)).isTrue();
        assertThat(Signatures.verify("s3cret", "dlv-2", BODY, header)).isFalse();
        assertThat(Signatures.verify("other", "dlv-1", BODY, header)).isFalse();
        assertThat(Signatures.verify("s3cret", "dlv-1", "{}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(Signatures.verify("s3cret", "dlv-1", BODY, null)).isFalse();
    }
}
