package org.astroruntime.common.event;

/** Checks used by the records' compact constructors, so that a decoded event is always complete. */
final class Require {

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    static int version(int value, int known) {
        if (value < 1 || value > known) {
            throw new IllegalArgumentException("unsupported schemaVersion " + value + " (this build knows 1.." + known + ")");
        }
        return value;
    }

    private Require() {
    }
}
