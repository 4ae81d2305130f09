package org.karaul.ops;

/** Reports whether one part of a service works now. Called on every health request; keep it cheap. */
@FunctionalInterface
public interface HealthCheck {

    Status check();

    /**
     * @param up     whether the part works
     * @param detail one short line for a human, e.g. the Streams state
     */
    record Status(boolean up, String detail) {
        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }
}
