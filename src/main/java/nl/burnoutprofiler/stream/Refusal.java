package nl.burnoutprofiler.stream;

/** Why an intake record went to the dead-letter topic, as its {@code burnout-profiler.refusal} header says. */
public enum Refusal {

    /** Not an intake: no JSON, malformed JSON, or an intake with field problems (unknown code, ruler 11, ...). */
    INVALID_INTAKE("invalid-intake"),
    /** A valid intake on which a rule failed: a fault of the rule set. Replay it once the rules are fixed. */
    RULE_FAILURE("rule-failure");

    private final String header;

    Refusal(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }
}
