package org.karaul.ingest.fetch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlCanonicalizerTest {

    @Test
    void shouldStripTrackingParametersAndFragment() {
        assertThat(UrlCanonicalizer.canonicalize(
                "HTTPS://WWW.Example.KZ:443/news/1?utm_source=tg&id=7&fbclid=abc&utm_medium=x#comments"))
                .contains("https://www.example.kz/news/1?id=7");
    }

    @Test
    void shouldKeepMeaningfulParametersInOrder() {
        assertThat(UrlCanonicalizer.canonicalize("http://a.uz/view?b=2&a=1")).contains("http://a.uz/view?b=2&a=1");
    }

    @Test
    void shouldAddRootPathAndDropDefaultPort() {
        assertThat(UrlCanonicalizer.canonicalize("http://a.kg:80")).contains("http://a.kg/");
    }

    @Test
    void shouldResolveRelativeLinks() {
        assertThat(UrlCanonicalizer.resolve("https://24.kg/obschestvo/", "../proisshestvija/123?utm_campaign=x"))
                .contains("https://24.kg/proisshestvija/123");
    }

    @Test
    void shouldRejectNonHttpUrls() {
        assertThat(UrlCanonicalizer.canonicalize("mailto:x@y.z")).isEmpty();
        assertThat(UrlCanonicalizer.canonicalize("javascript:void(0)")).isEmpty();
        assertThat(UrlCanonicalizer.canonicalize("")).isEmpty();
    }
}
