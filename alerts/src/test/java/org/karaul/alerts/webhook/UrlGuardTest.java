package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlGuardTest {
    private final UrlGuard strict = new UrlGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/", "http://10.0.0.5/", "http://172.16.3.4/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://224.0.0.1/"})
    void shouldRefuseInternalAddresses(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.RefusedUrlException.class)
                .hasMessageContaining("loopback, link-local or private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/", "file:///etc/passwd", "javascript:alert(1)", "http://user:pw@93.184.216.34/",
            "not a url"})
    void shouldRefuseOtherSchemesUserInfoAndJunk(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.RefusedUrlException.class);
    }

    @Test
    void shouldAcceptAPublicAddressAndAnAllowListedLoopbackOne() throws Exception {
        assertThat(strict.check("https://93.184.216.34/hook").getHost()).isEqualTo("93.184.216.34");
        UrlGuard allowing = new UrlGuard(List.of("127.0.0.1/32", "10.1.0.0/16"));
        assertThat(allowing.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThat(allowing.check("http://10.1.200.3/").getHost()).isEqualTo("10.1.200.3");
        assertThatThrownBy(() -> allowing.check("http://10.2.0.1/")).isInstanceOf(UrlGuard.RefusedUrlException.class);
        assertThatThrownBy(() -> allowing.check("http://127.0.0.2/")).isInstanceOf(UrlGuard.RefusedUrlException.class);
    }

    @Test
    void shouldRejectABadAllowListEntry() {
        assertThatThrownBy(() -> new UrlGuard(List.of("127.0.0.1/40"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1/40");
    }
}
