package nl.burnoutprofiler.fhir;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * The FHIR R4 context of the application, and the small pieces every resource of this package shares: Dutch text
 * with its English translation, the reference to a case, and reading and writing JSON.
 */
public final class Fhir {

    /** Where our canonical resources live; each canonical URL is also the path the server serves it at. */
    public static final String BASE_URL = "https://burnout-profiler.nl/fhir";
    /** The identifier system of case ids: pseudonyms, never names. */
    public static final String CASE_ID_SYSTEM = BASE_URL + "/case-id";
    /** Prefix of the URI that names one rule-set version (the module of a GuidanceResponse). */
    public static final String RULE_SET_URI = "https://burnout-profiler.nl/rule-set/";
    /** The core extension that carries a translation of a text element. */
    public static final String TRANSLATION_EXTENSION = "http://hl7.org/fhir/StructureDefinition/translation";
    /** The language of every text we write; English goes beside it in a translation extension. */
    public static final String LANGUAGE = "nl";

    private Fhir() {
    }

    /** The R4 context: expensive to build, so one per JVM (HAPI caches it). */
    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** The resource as compact FHIR JSON. */
    public static String toJson(IBaseResource resource) {
        return context().newJsonParser().encodeResourceToString(resource);
    }

    /**
     * A parser that refuses what it does not understand instead of logging it: the lenient default would write
     * unknown elements and invalid values (parts of an intake) to the log.
     */
    static IParser strictJsonParser() {
        return context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    /** A Dutch string with the English text in a translation extension (none when {@code english} is blank). */
    static StringType dutch(String nl, String english) {
        return withEnglish(new StringType(nl), english);
    }

    /** As {@link #dutch}, for markdown elements. */
    static MarkdownType dutchMarkdown(String nl, String english) {
        return withEnglish(new MarkdownType(nl), english);
    }

    private static <T extends PrimitiveType<?>> T withEnglish(T element, String english) {
        if (english != null && !english.isBlank()) {
            Extension translation = element.addExtension().setUrl(TRANSLATION_EXTENSION);
            translation.addExtension("lang", new CodeType("en"));
            translation.addExtension("content", new StringType(english));
        }
        return element;
    }

    /** A logical reference to the person a case is about, by the case id alone. */
    static Reference caseReference(String caseId) {
        return new Reference().setType("Patient")
                .setIdentifier(new Identifier().setSystem(CASE_ID_SYSTEM).setValue(caseId));
    }

    /** A plain generated narrative: a heading and a list, Dutch first and English beside it. */
    static Narrative narrative(String heading, List<String> lines) {
        StringBuilder div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + LANGUAGE
                + "\" xml:lang=\"" + LANGUAGE + "\"><p><b>")
                .append(escape(heading)).append("</b></p>");
        if (!lines.isEmpty()) {
            div.append("<ol>");
            lines.forEach(line -> div.append("<li>").append(escape(line)).append("</li>"));
            div.append("</ol>");
        }
        Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString(div.append("</div>").toString());
        return narrative;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
