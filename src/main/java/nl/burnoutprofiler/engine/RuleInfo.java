package nl.burnoutprofiler.engine;

/**
 * A rule of the loaded rule set, as its metadata describes it.
 *
 * @param id      stable id, e.g. {@code CTX-001}
 * @param title   what the rule concludes, in one line, in Dutch
 * @param titleEn the same in English
 * @param source where the knowledge comes from (seed and section)
 * @param file   rule file relative to the rule folder
 * @param line   line of the rule in that file
 */
public record RuleInfo(String id, String title, String titleEn, String source, String file, int line) {
}
