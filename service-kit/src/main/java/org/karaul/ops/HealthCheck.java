package org.karaul.ops;

import java.util.Map;

/** Reports whether one part of a service works now. Called on every health request; keep it cheap. */
@FunctionalInterface
public interface HealthCheck {

    Status check();

    /**
     * @param up     whether the part works
     * @param detail one short line for a human, e.g. the Streams state
     * @param facts  what the verdict rests on, for a machine (names in snake case, values strings or numbers); shown
     *               beside {@code detail} in the health JSON
     */
    record Status(boolean up, String detail, Map<String, Object> facts) {
        public Status {
            facts = Map.copyOf(facts);
        }

        public Status(boolean up, String detail) {
            this(up, detail, Map.of());
        }

        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }
}
