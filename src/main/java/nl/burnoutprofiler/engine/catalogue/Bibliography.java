package nl.burnoutprofiler.engine.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The works the knowledge comes from, as a coach reads them. The catalogue and the rules cite their sources for
 * knowledge engineers ("seed 004 ch. 3 (L787-842)"); an outcome shows the work instead ("Raad voor Werk en
 * Inkomen (2010) ..., hoofdstuk 3"), without file numbers or line ranges.
 */
public final class Bibliography {

    /**
     * One work.
     *
     * @param key      how sources cite it, e.g. {@code seed 002} or {@code anchors-mission §4.1}
     * @param citation author, year, title and where it appeared
     */
    public record Work(String key, String citation) {
    }

    private static final Pattern CHAPTER = Pattern.compile("\\bch\\. (\\d+)");
    private static final Pattern NAMED_SECTION = Pattern.compile("'([^']+)'");

    private final List<Work> works;
    /** Each source rendered once: an outcome cites the same few sources again and again. */
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    public Bibliography(List<Work> works) {
        // The longest key first, so that "anchors-mission §4.1" wins over a shorter key it starts with.
        this.works = works.stream().sorted(Comparator.comparingInt((Work w) -> w.key().length()).reversed()).toList();
    }

    public List<Work> works() {
        return works;
    }

    /** The work a source cites, if the bibliography has it. */
    public Optional<Work> workOf(String source) {
        return works.stream().filter(w -> source.equals(w.key()) || source.startsWith(w.key() + " ")
                || source.startsWith(w.key() + ",")).findFirst();
    }

    /**
     * The sources as a coach reads them: each as its work, with the chapter or named section it points to; line
     * ranges and internal labels left out, the same reference once. A source the bibliography lacks stays as it is
     * (the rule set's loading refuses such a catalogue, so this only happens to hand-made catalogues).
     */
    public List<String> readable(List<String> sources) {
        Set<String> readable = new LinkedHashSet<>();
        for (String source : sources) {
            readable.add(readable(source));
        }
        return new ArrayList<>(readable);
    }

    /** One source as a coach reads it: the work with its section, or the source as written when it cites none. */
    public String readable(String source) {
        return rendered.computeIfAbsent(source,
                cited -> workOf(cited).map(work -> work.citation() + section(cited)).orElse(cited));
    }

    private static String section(String source) {
        Matcher chapter = CHAPTER.matcher(source);
        if (chapter.find()) {
            return ", hoofdstuk " + chapter.group(1);
        }
        Matcher named = NAMED_SECTION.matcher(source);
        if (named.find()) {
            return ", ‘" + named.group(1) + "’";
        }
        return "";
    }
}
