package nl.burnoutprofiler.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import nl.burnoutprofiler.engine.ProfilerEngine;

/** The shared {@code --rules DIR} option: another rule folder instead of the one packaged in the jar. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule folder to load instead of the rule set packaged in the jar.")
    Path directory;

    ProfilerEngine engine() {
        return directory == null ? ProfilerEngine.packaged() : ProfilerEngine.fromDirectory(directory);
    }
}
