package nl.burnoutprofiler.engine.catalogue;

/**
 * One entry of the observation catalogue.
 *
 * @param code          the fixed identifier
 * @param group         id of its {@link CodeGroup}
 * @param nl            Dutch label
 * @param en            English label
 * @param explanationNl one line for the coach: what to look or listen for
 * @param explanationEn the same in English
 * @param source        seed and section the code rests on
 * @param shortForm     on the short intake form: the safety screen and the observations that best separate the
 *                      types and stages; the full catalogue is one click away
 */
public record ObservationCode(String code, String group, String nl, String en,
                              String explanationNl, String explanationEn, String source, boolean shortForm) {
}
