package org.karaul.alerts.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.karaul.alerts.http.JsonRequests;
import org.karaul.alerts.http.JsonRequests.BadRequest;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Development;
import org.karaul.contract.Triage;
import org.karaul.contract.TriageMark;

/**
 * A triage mark as the desk page posts it ({@code {"developmentId", "mark", "duplicateOf", "note", "by"}}), every
 * field checked. The development must be one the desk knows (its categories and the alert rule that alerted on it
 * are taken from the desk's copy, not from the page), and so must the one it duplicates.
 */
final class TriageRequest {
    static final Set<String> FIELDS = Set.of("developmentId", "mark", "duplicateOf", "note", "by");
    static final int MAX_BY = 80;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String EXAMPLE = "{\"developmentId\":\"dev-…\",\"mark\":\"confirmed\",\"by\":\"Aigul\"}";

    private TriageRequest() {
    }

    static Triage read(HttpExchange ex, DeskFeed feed, Instant now) throws IOException, BadRequest {
        JsonNode body = JsonRequests.object(ex, FIELDS, EXAMPLE);
        String id = id(body, "developmentId", true);
        Development d = feed.development(id);
        if (d == null) {
            throw new BadRequest(404, "developmentId", "no recent development " + id);
        }
        String markText = JsonRequests.text(body, "mark");
        if (markText == null) {
            throw new BadRequest("mark", "is required");
        }
        TriageMark mark;
        try {
            mark = TriageMark.of(markText);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("mark", e.getMessage());
        }
        String duplicateOf = id(body, "duplicateOf", mark == TriageMark.DUPLICATE);
        if (mark != TriageMark.DUPLICATE && duplicateOf != null) {
            throw new BadRequest("duplicateOf", "only a duplicate mark names the development it repeats");
        }
        if (duplicateOf != null && duplicateOf.equals(id)) {
            throw new BadRequest("duplicateOf", "a development cannot duplicate itself");
        }
        if (duplicateOf != null && feed.development(duplicateOf) == null) {
            throw new BadRequest(404, "duplicateOf", "no recent development " + duplicateOf);
        }
        String note = JsonRequests.text(body, "note");
        if (note != null && note.strip().isEmpty()) {
            note = null;
        }
        if (note != null && note.length() > Triage.MAX_NOTE) {
            throw new BadRequest("note", "at most " + Triage.MAX_NOTE + " characters");
        }
        String by = JsonRequests.text(body, "by");
        if (by == null || by.isBlank()) {
            throw new BadRequest("by", "is required: the name of who marks it");
        }
        by = by.strip();
        if (by.length() > MAX_BY || by.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequest("by", "at most " + MAX_BY + " characters, no control characters");
        }
        AlertEvent alert = feed.latestAlert(id);
        String rule = alert == null || alert.data().lineage() == null ? null : alert.data().lineage().ruleId();
        return new Triage(id, mark, duplicateOf, note, by, now, List.copyOf(d.categories()), rule);
    }

    private static String id(JsonNode body, String field, boolean required) throws BadRequest {
        String v = JsonRequests.text(body, field);
        if (v == null || v.isBlank()) {
            if (required) {
                throw new BadRequest(field, "is required");
            }
            return null;
        }
        if (!ID.matcher(v).matches()) {
            throw new BadRequest(field, "'" + JsonRequests.cut(v) + "' is not a development id");
        }
        return v;
    }
}
