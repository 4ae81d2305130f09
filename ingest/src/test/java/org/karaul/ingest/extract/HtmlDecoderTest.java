package org.karaul.ingest.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlDecoderTest {
    private static final String RU = "<p>Пограничная служба сообщила о задержании нарушителей границы в горной местности.</p>";

    @Test
    void shouldHonourByteOrderMarkOverEverything() {
        byte[] body = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, RU.getBytes(StandardCharsets.UTF_16BE));

        assertThat(HtmlDecoder.decode(body, "windows-1251")).isEqualTo(RU);
    }

    @Test
    void shouldUseHeaderThenMetaCharset() {
        byte[] koi8 = ("<meta charset=koi8-r>" + RU).getBytes(Charset.forName("KOI8-R"));

        assertThat(HtmlDecoder.decode(koi8, null)).endsWith(RU);
        assertThat(HtmlDecoder.decode(RU.getBytes(Charset.forName("windows-1251")), "windows-1251")).isEqualTo(RU);
    }

    @Test
    void shouldPreferUtf8WhenBytesContradictADeclaredSingleByteCharset() {
        assertThat(HtmlDecoder.decode(RU.getBytes(StandardCharsets.UTF_8), "windows-1251")).isEqualTo(RU);
    }

    @Test
    void shouldDetectWhenDeclaredUtf8IsWrong() {
        byte[] cp1251 = RU.repeat(3).getBytes(Charset.forName("windows-1251"));

        assertThat(HtmlDecoder.decode(cp1251, "utf-8")).isEqualTo(RU.repeat(3));
    }

    @Test
    void shouldSurviveUnknownCharsetNames() {
        assertThat(HtmlDecoder.decode("<p>plain</p>".getBytes(StandardCharsets.US_ASCII), "x-klingon")).isEqualTo("<p>plain</p>");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
