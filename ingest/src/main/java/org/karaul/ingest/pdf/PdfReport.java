package org.karaul.ingest.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.time.Instant;
import java.util.Calendar;

/**
 * Text and metadata of a PDF.
 *
 * @param title     document title, else the first line of text
 * @param text      text of the first {@link #MAX_PAGES} pages
 * @param published creation (else modification) date, null when absent
 */
public record PdfReport(String title, String text, Instant published) {
    public static final int MAX_PAGES = 200;

    public static boolean looksLikePdf(byte[] body) {
        return body.length >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F';
    }

    /** @throws IOException when PDFBox cannot read the bytes (not a PDF, encrypted, corrupt) */
    public static PdfReport read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(MAX_PAGES);
            String text = stripper.getText(doc).replace("\r\n", "\n").trim();
            PDDocumentInformation info = doc.getDocumentInformation();
            String title = info.getTitle() == null || info.getTitle().isBlank()
                    ? text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").trim() : info.getTitle().trim();
            Calendar when = info.getCreationDate() != null ? info.getCreationDate() : info.getModificationDate();
            return new PdfReport(title, text, when == null ? null : when.toInstant());
        }
    }
}
