package nl.burnoutprofiler.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text files of a rule set (DRL, catalogue JSON, properties), keyed by their path relative to the rule
 * folder with forward slashes, in sorted order so every build sees them in the same order.
 */
public record RuleSetFiles(String origin, Map<String, String> files) {

    /** Where the build packages the {@code rules/} folder inside the jar. */
    public static final String PACKAGED_ROOT = "nl/burnoutprofiler/rules";
    static final String MARKER = "ruleset.properties";

    public RuleSetFiles {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static RuleSetFiles fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new IOException("rule folder not found: " + directory));
        }
        return new RuleSetFiles(directory.toString(), read(directory));
    }

    /** The rule set packaged in the jar (or on the class path while developing). */
    public static RuleSetFiles packaged() {
        URL marker = RuleSetFiles.class.getClassLoader().getResource(PACKAGED_ROOT + "/" + MARKER);
        if (marker == null) {
            throw new IllegalStateException("no packaged rule set on the class path (" + PACKAGED_ROOT + ")");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = openJar(uri)) {
                    return new RuleSetFiles("packaged", read(jar.getPath("/" + PACKAGED_ROOT)));
                }
            }
            return new RuleSetFiles("packaged", read(Path.of(uri).getParent()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the packaged rule set", e);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Another caller holds it open; read through a second, private view of the same jar.
            String jarPath = uri.getSchemeSpecificPart().substring("file:".length(), uri.getSchemeSpecificPart().indexOf('!'));
            return FileSystems.newFileSystem(Path.of(jarPath));
        }
    }

    private static Map<String, String> read(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                if (relative.endsWith(".drl") || relative.endsWith(".json") || relative.endsWith(".properties")) {
                    files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule folder " + root, e);
        }
        return files;
    }

    public Map<String, String> drlFiles() {
        Map<String, String> drl = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                drl.put(name, text);
            }
        });
        return drl;
    }
}
