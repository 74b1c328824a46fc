package nl.burnoutprofiler.engine;

/** Who saw what the intake records. */
public enum Observer {
    COACH, CLIENT, COLLEAGUE, MANAGER, PHYSICIAN
}
