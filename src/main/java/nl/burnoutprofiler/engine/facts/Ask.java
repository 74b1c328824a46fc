package nl.burnoutprofiler.engine.facts;

/**
 * A question worth asking next, to separate the leading types or to fill a gap.
 *
 * @param id       question id from the advice catalogue
 * @param priority lower is asked first
 */
public record Ask(String id, int priority) {

    @Override
    public String toString() {
        return "ask " + id + " (priority " + priority + ")";
    }
}
