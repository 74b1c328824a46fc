package nl.burnoutprofiler.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.RuleInfo;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Load and check a rule set (exit 3 with file, line and reason when broken) and list its rules.")
final class RulesCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProfilerEngine engine = rules.engine();
        PrintWriter out = spec.commandLine().getOut();
        out.println("rule set " + engine.ruleSetVersion() + ": " + engine.rules().size() + " rules, "
                + engine.catalogue().codeIds().size() + " observation codes, "
                + (engine.usesPrecompiledRules() ? "precompiled at build time" : "compiled at load"));
        out.println(engine.unreadCodes().isEmpty() ? "every observation code is read by a rule"
                : "observation codes read by no rule (recorded, but changing no outcome): "
                        + String.join(", ", engine.unreadCodes()));
        for (RuleInfo rule : engine.rules()) {
            out.printf("%-8s %-28s %s%n", rule.id(), rule.file() + ":" + rule.line(), rule.title());
        }
        if (!engine.organisationRules().isEmpty()) {
            out.println();
            out.println("organisation rules (advice for a unit, from its shown team figures): "
                    + engine.organisationRules().size() + " rules, " + engine.organisationActions().size()
                    + " actions");
            for (RuleInfo rule : engine.organisationRules()) {
                out.printf("%-8s %-28s %s%n", rule.id(), rule.file() + ":" + rule.line(), rule.title());
            }
        }
        return 0;
    }
}
