package org.karaul.export.stix;

/** A STIX object Karaul writes: each has a type and an id {@code <type>--<uuid>}. */
public sealed interface StixObject permits StixObjects.Identity, StixObjects.Report, StixObjects.Location,
        StixObjects.IntrusionSet, StixObjects.Relationship, StixObjects.Note {

    String type();

    String id();
}
