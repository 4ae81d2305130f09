package org.karaul.export.misp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.karaul.export.story.GroupCatalog;
import org.karaul.export.story.Story;

/**
 * Many stories as a list of MISP events, in development-id order, in the shape MISP's own REST search returns:
 * {@code {"response": [{"Event": {...}}, ...]}}.
 */
public final class MispEvents {
    private static final ObjectWriter WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writer();

    private final MispMapper mapper;

    public MispEvents(GroupCatalog groups) {
        this.mapper = new MispMapper(groups);
    }

    public ObjectNode events(List<Story> stories) {
        List<Story> ordered = new ArrayList<>(stories);
        ordered.sort(Comparator.comparing(Story::developmentId));
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode response = root.putArray("response");
        ordered.forEach(s -> response.add(mapper.map(s)));
        return root;
    }

    public static String json(ObjectNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write MISP events", e);
        }
    }
}
