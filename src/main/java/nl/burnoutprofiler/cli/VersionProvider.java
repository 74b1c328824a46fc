package nl.burnoutprofiler.cli;

import picocli.CommandLine.IVersionProvider;

import nl.burnoutprofiler.engine.ProfilerEngine;

/** Prints the program version and the version of the packaged rule set. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String program = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "burnout-profiler " + (program == null ? "(development)" : program),
            "rule set " + ProfilerEngine.packaged().ruleSetVersion()
        };
    }
}
