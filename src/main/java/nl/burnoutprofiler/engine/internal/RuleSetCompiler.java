package nl.burnoutprofiler.engine.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import nl.burnoutprofiler.engine.ProfilerEngine;

/**
 * Build-time tool: compiles {@code rules/} to the Drools executable model and writes its classes plus a
 * descriptor (model classes of the client and the organisation rules, content hash) into the build output, so the packaged rule set starts without
 * compiling. Run by Maven in the {@code process-classes} phase: {@code RuleSetCompiler RULES_DIR OUTPUT_DIR}.
 */
public final class RuleSetCompiler {

    private static final String MODEL_FOLDER = "nl/burnoutprofiler/rules/";
    private static final String ORGANISATION_FOLDER = MODEL_FOLDER + RuleSetFiles.ORGANISATION_FOLDER;

    private RuleSetCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RuleSetCompiler RULES_DIR OUTPUT_DIR");
        }
        RuleSetFiles files = RuleSetFiles.fromDirectory(Path.of(args[0]));
        Path output = Path.of(args[1]);
        String model = extract(compile(files.clientRuleFiles(), "rules-precompiled"), output, MODEL_FOLDER);
        // The organisation rules are a rule base of their own, in a package of their own: compiled apart, so the
        // client's model stays exactly what it was.
        Map<String, String> organisationFiles = files.organisationRuleFiles();
        String organisationModel = organisationFiles.isEmpty() ? null
                : extract(compile(organisationFiles, "organisation-rules-precompiled"), output, ORGANISATION_FOLDER);
        String descriptor = "# Written by RuleSetCompiler at build time; do not edit.\n"
                + "model=" + model + "\n"
                + (organisationModel == null ? "" : "organisationModel=" + organisationModel + "\n")
                + "hash=" + files.contentHash() + "\n"
                + "files=" + String.join(",", files.files().keySet()) + "\n";
        Path descriptorFile = output.resolve(PrecompiledRuleBase.DESCRIPTOR);
        Files.createDirectories(descriptorFile.getParent());
        Files.writeString(descriptorFile, descriptor + "smokeTested=false\n", StandardCharsets.UTF_8);
        // Load what was just written, as the jar will. The catalogue checks and the smoke runs (the client's and the
        // organisation's) run on the precompiled rule bases here, once: a broken rule set fails the build, and a
        // start-up from the jar need not repeat them on the very same rule bases.
        try {
            ProfilerEngine engine = ProfilerEngine.fromDirectory(Path.of(args[0]));
            if (!engine.usesPrecompiledRules()) {
                throw new IllegalStateException("the precompiled rule base was not found on the class path");
            }
            if (organisationModel != null && !engine.usesPrecompiledOrganisationRules()) {
                throw new IllegalStateException("the precompiled organisation rules were not found on the class path");
            }
        } catch (RuntimeException e) {
            Files.delete(descriptorFile);
            throw e;
        }
        Files.writeString(descriptorFile, descriptor + "smokeTested=true\n", StandardCharsets.UTF_8);
    }

    /** The rule files compiled to the executable model, as the bytes of a KIE module. */
    private static byte[] compile(Map<String, String> drlFiles, String artifact) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem kfs = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("nl.burnoutprofiler", artifact, "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(services.newKieModuleModel().toXML());
        drlFiles.forEach((file, text) -> kfs.write("src/main/resources/" + MODEL_FOLDER + file, text));
        KieBuilder builder = services.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("rules/ does not compile to the executable model: " + errors);
        }
        byte[] module = ((InternalKieModule) builder.getKieModule()).getBytes();
        services.getRepository().removeKieModule(releaseId);
        return module;
    }

    /**
     * Writes the generated rule classes of one package folder to the output folder; returns the name of the model
     * class.
     */
    private static String extract(byte[] module, Path output, String packageFolder) throws IOException {
        String model = null;
        List<String> written = new ArrayList<>();
        Path modelFolder = output.resolve(packageFolder);
        if (Files.isDirectory(modelFolder)) {
            // Classes of an earlier rule set would linger beside the new ones.
            try (var old = Files.list(modelFolder)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Files.delete(file);
                }
            }
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.endsWith("/drools-model")) {
                    List<String> lines = new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                    model = lines.get(lines.size() - 1).strip();
                } else if (name.startsWith(packageFolder) && name.endsWith(".class")) {
                    Path target = output.resolve(name);
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        zip.transferTo(out);
                    }
                    written.add(name);
                }
            }
        }
        if (model == null || written.isEmpty()) {
            throw new IllegalStateException("the executable model has no model class");
        }
        return model;
    }
}
