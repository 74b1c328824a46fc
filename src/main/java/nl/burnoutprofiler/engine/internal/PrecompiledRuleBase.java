package nl.burnoutprofiler.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.conf.KieBaseMutabilityOption;

/**
 * The rule bases compiled into the jar at build time by {@link RuleSetCompiler} (Drools executable model): the
 * client rules' and the organisation rules'. Loading them skips parsing and compiling the rules, which is most of a
 * cold start.
 */
final class PrecompiledRuleBase {

    static final String DESCRIPTOR = "nl/burnoutprofiler/precompiled-rules.properties";

    private PrecompiledRuleBase() {
    }

    /** The precompiled rule base of the client rules, if one was built from exactly these files. */
    static Optional<KieBase> matching(RuleSetFiles files) {
        return matching(files, "model");
    }

    /** The precompiled rule base of the organisation rules, if one was built from exactly these files. */
    static Optional<KieBase> matchingOrganisation(RuleSetFiles files) {
        return matching(files, "organisationModel");
    }

    private static Optional<KieBase> matching(RuleSetFiles files, String modelKey) {
        Properties descriptor = descriptor();
        if (descriptor == null || !files.contentHash().equals(descriptor.getProperty("hash"))
                || descriptor.getProperty(modelKey) == null) {
            return Optional.empty();
        }
        try {
            Model model = (Model) Class.forName(descriptor.getProperty(modelKey), true,
                    PrecompiledRuleBase.class.getClassLoader()).getDeclaredConstructor().newInstance();
            return Optional.of(KieBaseBuilder.createKieBaseFromModel(model, KieBaseMutabilityOption.DISABLED));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the precompiled rule base in the jar cannot be loaded", e);
        }
    }

    /** Whether the build ran the smoke assessment on this precompiled rule base and it passed. */
    static boolean smokeTested() {
        Properties descriptor = descriptor();
        return descriptor != null && Boolean.parseBoolean(descriptor.getProperty("smokeTested"));
    }

    /** The rule files packaged beside the precompiled rule base, as the build listed them; empty when none. */
    static List<String> packagedFiles() {
        Properties descriptor = descriptor();
        String files = descriptor == null ? "" : descriptor.getProperty("files", "");
        return files.isBlank() ? List.of() : List.of(files.split(","));
    }

    private static Properties descriptor() {
        return Descriptor.PROPERTIES;
    }

    /** Read once, on first use: the descriptor sits in the jar and never changes while it runs. */
    private static final class Descriptor {
        static final Properties PROPERTIES = read();
    }

    private static Properties read() {
        try (InputStream in = PrecompiledRuleBase.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
