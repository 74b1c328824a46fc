package nl.burnoutprofiler.engine.facts;

/** An order the seeds imply between two recommendations: {@code then} never comes before {@code first}. */
public record Sequence(String first, String then) {

    @Override
    public String toString() {
        return first + " before " + then;
    }
}
