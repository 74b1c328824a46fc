package nl.burnoutprofiler.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.RuleSetException;

/** Turns the engine's typed failures into a clear message and the documented exit code. */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof InvalidIntakeException invalid) {
            err.println("The intake was not assessed (" + invalid.problems().size() + " problem"
                    + (invalid.problems().size() == 1 ? "" : "s") + "):");
            for (FieldProblem problem : invalid.problems()) {
                err.println("  " + problem);
            }
            return Main.BAD_INPUT;
        }
        if (e instanceof RuleSetException broken) {
            if (broken.problems().size() == 1) {
                err.println("The rule set could not be loaded: " + broken.problems().get(0));
            } else {
                err.println("The rule set could not be loaded:");
                for (RuleProblem problem : broken.problems()) {
                    err.println("  " + problem);
                }
            }
            return Main.BROKEN_RULES;
        }
        if (e instanceof InputFileException missing) {
            err.println(missing.getMessage());
            return Main.BAD_INPUT;
        }
        if (e instanceof IllegalArgumentException || e instanceof nl.burnoutprofiler.store.StoreException) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        throw new IllegalStateException(e);
    }
}
