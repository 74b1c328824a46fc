package nl.burnoutprofiler.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess one intake (JSON) and print the outcome as JSON.")
final class AssessCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Intake JSON file, or - for standard input.")
    String file;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String json = read(file);
        ProfilerEngine engine = rules.engine();
        Intake intake = new IntakeJson(new IntakeValidator(engine.catalogue()), Clock.systemDefaultZone()).read(json);
        spec.commandLine().getOut().println(OutcomeJson.write(engine.assess(intake)));
        return 0;
    }

    private static String read(String file) {
        try {
            if ("-".equals(file)) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputFileException("Cannot read intake " + file + ": " + e.getMessage());
        }
    }
}
