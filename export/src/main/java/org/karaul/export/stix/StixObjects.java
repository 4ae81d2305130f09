package org.karaul.export.stix;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The STIX 2.1 objects Karaul writes, property for property (written in snake case; empty lists and nulls are
 * left out, as STIX forbids empty lists).
 */
public final class StixObjects {
    public static final String SPEC_VERSION = "2.1";

    private StixObjects() {
    }

    /** Karaul itself, the creator of every object ({@code created_by_ref}). */
    public record Identity(String type, String specVersion, String id, String created, String modified, String name,
                           String identityClass, String description) implements StixObject {
    }

    /** One development. */
    public record Report(String type, String specVersion, String id, String createdByRef, String created,
                         String modified, String name, String description, List<String> reportTypes, String published,
                         List<String> objectRefs, List<String> labels, Integer confidence,
                         List<ExternalReference> externalReferences) implements StixObject {
    }

    /** A country. */
    public record Location(String type, String specVersion, String id, String createdByRef, String created,
                           String modified, String name, String country) implements StixObject {
    }

    /** A named group with its aliases. */
    public record IntrusionSet(String type, String specVersion, String id, String createdByRef, String created,
                               String modified, String name, List<String> aliases) implements StixObject {
    }

    /** A group named in a development about a country. */
    public record Relationship(String type, String specVersion, String id, String createdByRef, String created,
                               String modified, String relationshipType, String description, String sourceRef,
                               String targetRef, String startTime, String stopTime, Integer confidence)
            implements StixObject {
    }

    /** The evidence that made the classifier label the development. */
    public record Note(String type, String specVersion, String id, String createdByRef, String created,
                       String modified, @JsonProperty("abstract") String summary, String content, List<String> authors,
                       List<String> objectRefs) implements StixObject {
    }

    /**
     * A bundle of objects.
     *
     * @param type    {@code bundle}
     * @param id      {@code bundle--<uuid>}
     * @param objects the objects; left out when there are none
     */
    public record Bundle(String type, String id, List<StixObject> objects) {
    }
}
