package nl.burnoutprofiler.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of burnout-profiler: a thin shell over {@link nl.burnoutprofiler.engine.ProfilerEngine}. */
@Command(name = "burnout-profiler", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Decision support for coaches of workers with burnout. It supports a professional; it never diagnoses.",
        subcommands = {AssessCommand.class, AssessBatchCommand.class, AssessStreamCommand.class,
                CatalogueCommand.class, RulesCommand.class, ServeCommand.class, TokenCommand.class, UserCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad input (the message names each field and reason)",
                "3:the rule set could not be loaded (file, line and reason)",
                "4:the server could not start (port taken, database unreachable)"})
public final class Main implements Runnable {

    public static final int BAD_INPUT = 2;
    public static final int BROKEN_RULES = 3;
    public static final int CANNOT_START = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests use it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }
}
