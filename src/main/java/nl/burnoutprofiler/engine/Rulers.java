package nl.burnoutprofiler.engine;

/**
 * The motivational-interviewing rulers, each 0–10 or null when not asked.
 * No validated cut-offs exist (anchors-mission §3.6): the rules treat bands as heuristics.
 */
public record Rulers(Integer importance, Integer confidence, Integer readiness) {

    public static final Rulers NONE = new Rulers(null, null, null);

    public boolean isEmpty() {
        return importance == null && confidence == null && readiness == null;
    }

    @Override
    public String toString() {
        return "Rulers importance=" + importance + " confidence=" + confidence + " readiness=" + readiness;
    }
}
