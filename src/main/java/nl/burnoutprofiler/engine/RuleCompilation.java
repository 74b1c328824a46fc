package nl.burnoutprofiler.engine;

/** How a rule set becomes a rule base. */
public enum RuleCompilation {
    /**
     * Use the rule base compiled into the jar at build time when the rule files are exactly the ones it was
     * compiled from (same content hash), otherwise compile the files at load. The default: fast start for the
     * shipped rules, any edited folder still works.
     */
    PRECOMPILED_WHEN_IDENTICAL,
    /** Always compile the rule files at load (classic DRL build), as a knowledge engineer's edits are. */
    COMPILE_AT_LOAD
}
