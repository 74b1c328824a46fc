package nl.burnoutprofiler.engine.facts;

/**
 * Something the coach should not do now; the reason comes from the advice catalogue.
 *
 * @param priority lower comes first, on the scale of the recommendations (avoid.drl's header): the plan on top of
 *                 the outcome names the first two
 */
public record Avoid(String id, int priority) {

    @Override
    public String toString() {
        return "avoid " + id;
    }
}
