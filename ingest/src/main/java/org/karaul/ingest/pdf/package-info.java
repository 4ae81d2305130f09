/** PDF reports (Apache PDFBox): text, title and date, from a PDF URL or a page that links to PDFs. */
package org.karaul.ingest.pdf;
