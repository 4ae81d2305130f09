package org.karaul.ingest.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.SourceException;
import org.karaul.ingest.source.SourceSpec;
import org.karaul.ingest.testing.Fixtures;
import org.karaul.ingest.testing.LoopbackServer;
import org.karaul.ingest.testing.TestFetchers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfSourceTest {
    LoopbackServer server;
    byte[] pdf;

    @BeforeEach
    void start() throws IOException {
        pdf = report("Annual threat assessment 2026", "Border incidents rose in the Fergana valley.");
        server = new LoopbackServer();
        server.on("/reports/annual-2026.pdf", ex -> LoopbackServer.respond(ex, 200, "application/pdf", pdf));
        server.on("/publications", ex -> LoopbackServer.respond(ex, 200, "text/html", Fixtures.bytes("publications.html")));
        server.on("/fake.pdf", ex -> LoopbackServer.respond(ex, 200, "text/html", "<html>not a pdf</html>"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PdfSource source(String path) {
        return new PdfSource(new SourceSpec("pdf-test", "pdf", server.url(path), Duration.ofDays(1), "en", "A",
                List.of("UZ")), TestFetchers.fast());
    }

    @Test
    void shouldReadTitleTextAndDateOfPdfUrl() throws Exception {
        List<Candidate> found = source("/reports/annual-2026.pdf").poll();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).isEqualTo("Annual threat assessment 2026");
        assertThat(found.get(0).text()).contains("Border incidents rose in the Fergana valley.");
        assertThat(found.get(0).published()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void shouldFetchPdfsLinkedFromPublicationsPageOnce() throws Exception {
        PdfSource source = source("/publications");

        assertThat(source.poll()).extracting(Candidate::url).containsExactly(server.url("/reports/annual-2026.pdf"));
        assertThat(source.poll()).isEmpty();
        assertThat(server.count("/reports/annual-2026.pdf")).isEqualTo(1);
    }

    @Test
    void shouldSkipLinkedFilesThatAreNotReadablePdfs() throws Exception {
        server.on("/corrupt.pdf", ex -> LoopbackServer.respond(ex, 200, "application/pdf", "%PDF-1.7 garbage"));
        server.on("/bad-links", ex -> LoopbackServer.respond(ex, 200, "text/html",
                "<a href='/fake.pdf'>fake</a> <a href='/corrupt.pdf'>corrupt</a> <a href='/reports/annual-2026.pdf'>ok</a>"));

        assertThat(source("/bad-links").poll()).extracting(Candidate::title)
                .containsExactly("Annual threat assessment 2026");
    }

    @Test
    void shouldFailWhenPdfUrlIsGone() {
        server.on("/missing.pdf", ex -> LoopbackServer.respond(ex, 404, "text/plain", "gone"));

        assertThatThrownBy(() -> source("/missing.pdf").poll()).isInstanceOf(SourceException.class);
    }

    static byte[] report(String title, String line) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(line);
                cs.endText();
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
            info.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
