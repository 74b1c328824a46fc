package nl.burnoutprofiler.engine;

/** Who saw what the intake records. */
public enum Observer {
    COACH, CLIENT, COLLEAGUE, MANAGER, PHYSICIAN;

    /**
     * A colleague's or manager's report is a signal to explore with the client, not evidence of a type on its own
     * (seed 003: "het blijft bij signaleren"). The coach, the client and a physician see at first hand.
     */
    public boolean isThirdParty() {
        return this == COLLEAGUE || this == MANAGER;
    }
}
