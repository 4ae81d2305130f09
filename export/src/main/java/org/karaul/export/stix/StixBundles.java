package org.karaul.export.stix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karaul.export.story.GroupCatalog;
import org.karaul.export.story.Story;
import org.karaul.export.story.Uuids;
import org.karaul.export.stix.StixObjects.Bundle;
import org.karaul.export.stix.StixObjects.Report;

/**
 * Many stories as one bundle: Karaul's identity first, then each story's objects in development-id order; objects
 * several stories share (countries, groups) appear once. The bundle id is a name-based UUID of the reports and
 * their versions, so the same developments give the same bundle, byte for byte.
 */
public final class StixBundles {
    private static final ObjectWriter WRITER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writer();

    private final StixMapper mapper;

    public StixBundles(GroupCatalog groups) {
        this.mapper = new StixMapper(groups);
    }

    public Bundle bundle(List<Story> stories) {
        Map<String, StixObject> objects = new LinkedHashMap<>();
        objects.put(StixMapper.KARAUL.id(), StixMapper.KARAUL);
        StringBuilder name = new StringBuilder();
        List<Story> ordered = new ArrayList<>(stories);
        ordered.sort(Comparator.comparing(Story::developmentId));
        for (Story s : ordered) {
            for (StixObject o : mapper.map(s)) {
                objects.putIfAbsent(o.id(), o);
                if (o instanceof Report r) {
                    name.append(r.id()).append('@').append(r.modified()).append('\n');
                }
            }
        }
        List<StixObject> list = stories.isEmpty() ? List.of() : List.copyOf(objects.values());
        return new Bundle("bundle", "bundle--" + Uuids.of("bundle", name.toString()), list);
    }

    /** The bundle as indented JSON. */
    public static String json(Bundle bundle) {
        try {
            return WRITER.writeValueAsString(bundle);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write STIX bundle " + bundle.id(), e);
        }
    }
}
