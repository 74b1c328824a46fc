package nl.burnoutprofiler.engine.facts;

/** Something the coach should not do now; the reason comes from the advice catalogue. */
public record Avoid(String id) {

    @Override
    public String toString() {
        return "avoid " + id;
    }
}
