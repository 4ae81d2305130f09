package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlGuardTest {
    private final UrlGuard strict = new UrlGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/", "http://10.0.0.5/", "http://172.16.3.4/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://224.0.0.1/",
            // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4; and the IPv6 unspecified and multicast addresses
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:c0a8:0101::1]/", "http://[::]/", "http://[ff02::1]/", "http://[fec0::1]/"})
    void shouldRefuseInternalAddresses(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.RefusedUrlException.class)
                .hasMessageContaining("loopback, link-local or private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/", "file:///etc/passwd", "javascript:alert(1)", "http://user:pw@93.184.216.34/",
            "not a url", "http://93.184.216.34/hook#fragment", "http:///nohost", "", "http://93.184.216.34:99999/",
            "http://93.184.216.34:0/"})
    void shouldRefuseOtherSchemesUserInfoAndJunk(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.RefusedUrlException.class);
    }

    @Test
    void shouldAcceptAPublicAddressAndAnAllowListedLoopbackOne() throws Exception {
        assertThat(strict.check("https://93.184.216.34/hook").uri().getHost()).isEqualTo("93.184.216.34");
        UrlGuard allowing = new UrlGuard(List.of("127.0.0.1/32", "10.1.0.0/16"));
        assertThat(allowing.check("http://127.0.0.1:9000/hook").port()).isEqualTo(9000);
        assertThat(allowing.check("http://10.1.200.3/").uri().getHost()).isEqualTo("10.1.200.3");
        assertThatThrownBy(() -> allowing.check("http://10.2.0.1/")).isInstanceOf(UrlGuard.RefusedUrlException.class);
        assertThatThrownBy(() -> allowing.check("http://127.0.0.2/")).isInstanceOf(UrlGuard.RefusedUrlException.class);
    }

    @Test
    void shouldAcceptAPublicIpv6AddressAndRefuseATooLongUrl() throws Exception {
        assertThat(strict.check("https://[2606:4700::1111]/hook").address().getHostAddress()).isEqualTo("2606:4700:0:0:0:0:0:1111");
        String tooLong = "https://93.184.216.34/" + "a".repeat(UrlGuard.MAX_URL_LENGTH);
        assertThatThrownBy(() -> strict.check(tooLong)).hasMessageContaining("longer than 2048");
    }

    @Test
    void shouldRefuseAHostWithAnyInternalAddressAndPinTheFirstCheckedOne() throws Exception {
        InetAddress publicOne = InetAddress.getByName("93.184.216.34");
        InetAddress internalOne = InetAddress.getByName("10.0.0.7");
        UrlGuard mixed = new UrlGuard(List.of(), host -> List.of(publicOne, internalOne));
        assertThatThrownBy(() -> mixed.check("https://hooks.example.test/")).hasMessageContaining("10.0.0.7");
        UrlGuard pub = new UrlGuard(List.of(), host -> List.of(publicOne));
        UrlGuard.Target t = pub.check("https://hooks.example.test/x");
        assertThat(t.address()).isEqualTo(publicOne);
        assertThat(t.port()).isEqualTo(443);
        assertThat(t.uri().getHost()).isEqualTo("hooks.example.test");
    }

    @Test
    void shouldRejectABadAllowListEntry() {
        assertThatThrownBy(() -> new UrlGuard(List.of("127.0.0.1/40"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1/40");
    }
}
