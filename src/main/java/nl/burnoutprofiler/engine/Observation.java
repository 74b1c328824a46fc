package nl.burnoutprofiler.engine;

/**
 * One thing the coach recorded: a catalogue code, how strongly it showed, or that it was checked and is absent.
 *
 * <p>Also the main fact the rules match on. {@code present == false} means "checked: not there", which is
 * information, unlike a code that was never recorded.
 *
 * @param code      a code from the observation catalogue
 * @param intensity 1 = slight, 2 = clear, 3 = strong (ignored when {@code present} is false)
 * @param present   false when the coach checked and it is not there
 * @param note      the coach's own words; stored and shown, never read by rules
 * @param observer  who saw it; null until the intake fills in its own observer
 */
public record Observation(String code, int intensity, boolean present, String note, Observer observer) {

    public static final int DEFAULT_INTENSITY = 2;

    /** An observation by the intake's own observer. */
    public Observation(String code, int intensity, boolean present, String note) {
        this(code, intensity, present, note, null);
    }

    /** The same observation, seen by {@code by}. */
    public Observation by(Observer by) {
        return new Observation(code, intensity, present, note, by);
    }

    /** Whether a colleague or manager reported it rather than someone who saw it at first hand. */
    public boolean reportedByOthers() {
        return observer != null && observer.isThirdParty();
    }

    public static Observation present(String code, int intensity) {
        return new Observation(code, intensity, true, null);
    }

    public static Observation absent(String code) {
        return new Observation(code, DEFAULT_INTENSITY, false, null);
    }

    /** Weight factor of the intensity: slight counts half, strong counts one and a half. */
    public double strength() {
        return present ? intensity * 0.5 : 0.0;
    }

    @Override
    public String toString() {
        String seen = present ? code + " (" + intensity + ")" : code + " (not present)";
        return observer != null && observer.isThirdParty() ? seen + " reported by " + observer : seen;
    }
}
