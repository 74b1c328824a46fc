package nl.burnoutprofiler.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.CodeGroup;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;
import nl.burnoutprofiler.json.OutcomeJson;

@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = "Print the observation codes by group: code, Dutch and English label, explanation, source.")
final class CatalogueCommand implements Callable<Integer> {

    enum Format { text, json }

    /** The catalogue as JSON: groups first, then the codes in form order. */
    record CatalogueJson(List<CodeGroup> groups, List<ObservationCode> codes) {
    }

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Catalogue catalogue = rules.engine().catalogue();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(OutcomeJson.toJson(new CatalogueJson(catalogue.groups(), catalogue.codes())));
            return 0;
        }
        for (CodeGroup group : catalogue.groups()) {
            out.println(group.nl() + " / " + group.en());
            for (ObservationCode code : catalogue.codes()) {
                if (code.group().equals(group.id())) {
                    out.println("  " + code.code());
                    out.println("      " + code.nl() + " / " + code.en());
                    out.println("      " + code.explanationNl());
                    out.println("      " + code.explanationEn());
                    out.println("      bron / source: " + code.source());
                }
            }
            out.println();
        }
        return 0;
    }
}
