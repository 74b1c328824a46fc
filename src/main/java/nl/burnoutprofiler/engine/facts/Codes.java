package nl.burnoutprofiler.engine.facts;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The observation codes a fact rests on, as every fact keeps them: sorted, each once. */
final class Codes {

    private Codes() {
    }

    static List<String> sortedOnce(Collection<String> codes) {
        return codes.size() == 1 ? List.copyOf(codes) : List.copyOf(new TreeSet<>(codes));
    }
}
