package org.astroruntime.registry.harvest;

/** OAI-PMH datestamps: UTC, either {@code YYYY-MM-DD} or {@code YYYY-MM-DDThh:mm:ssZ}. */
final class Datestamps {

    static final String DAY_GRANULARITY = "YYYY-MM-DD";

    private Datestamps() {
    }

    /**
     * {@code datestamp} as the repository accepts it in {@code from}: a repository of day granularity refuses
     * seconds ({@code badArgument}), so those are cut, which re-harvests at most one day (harmless: unchanged
     * records are recognised).
     */
    static String atGranularity(String datestamp, String granularity) {
        if (DAY_GRANULARITY.equals(granularity) && datestamp.length() > 10) {
            return datestamp.substring(0, 10);
        }
        return datestamp;
    }
}
