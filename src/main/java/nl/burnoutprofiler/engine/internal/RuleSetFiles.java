package nl.burnoutprofiler.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.RuleSetException;

/**
 * The text files of a rule set (DRL, catalogue JSON, properties), keyed by their path relative to the rule
 * folder with forward slashes, in sorted order so every build sees them in the same order.
 */
public final class RuleSetFiles {

    /** Where the build packages the {@code rules/} folder inside the jar. */
    public static final String PACKAGED_ROOT = "nl/burnoutprofiler/rules";
    /** The rule files in this folder advise organisations on team signals; they form a rule base of their own. */
    public static final String ORGANISATION_FOLDER = "organisation/";
    static final String MARKER = "ruleset.properties";

    private final String origin;
    private final Map<String, String> files;
    /** Computed once: the loader, the precompiled-rules check and the version all need it. */
    private final String contentHash;

    public RuleSetFiles(String origin, Map<String, String> files) {
        this.origin = origin;
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.contentHash = hash(this.files);
    }

    /** Where the files came from: a folder, or "packaged". */
    public String origin() {
        return origin;
    }

    /** Every file's text by its path relative to the rule folder, sorted. */
    public Map<String, String> files() {
        return files;
    }

    /** @throws RuleSetException when the folder is missing, or it or one of its files cannot be read */
    public static RuleSetFiles fromDirectory(Path directory) {
        if (!Files.exists(directory)) {
            throw unreadable(directory.toString(), "rule folder not found");
        }
        if (!Files.isDirectory(directory)) {
            throw unreadable(directory.toString(), "is not a folder (a rule set is a folder of rule files)");
        }
        return new RuleSetFiles(directory.toString(), read(directory));
    }

    private static RuleSetException unreadable(String file, String reason) {
        return new RuleSetException(List.of(new RuleProblem(file, 0, 0, reason)));
    }

    /** The rule set packaged in the jar (or on the class path while developing). */
    public static RuleSetFiles packaged() {
        ClassLoader loader = RuleSetFiles.class.getClassLoader();
        List<String> listed = PrecompiledRuleBase.packagedFiles();
        if (!listed.isEmpty()) {
            // The build listed the files: read them straight from the class path, no need to walk the jar.
            Map<String, String> files = new TreeMap<>();
            for (String name : listed) {
                try (InputStream in = loader.getResourceAsStream(PACKAGED_ROOT + "/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("packaged rule file missing: " + name);
                    }
                    files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new RuleSetFiles("packaged", files);
        }
        URL marker = loader.getResource(PACKAGED_ROOT + "/" + MARKER);
        if (marker == null) {
            throw new IllegalStateException("no packaged rule set on the class path (" + PACKAGED_ROOT + ")");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                return new RuleSetFiles("packaged", readJar(uri));
            }
            return new RuleSetFiles("packaged", read(Path.of(uri).getParent()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the packaged rule set", e);
        }
    }

    private static Map<String, String> readJar(URI marker) throws IOException {
        try (FileSystem jar = FileSystems.newFileSystem(marker, Map.of())) {
            return read(jar.getPath("/" + PACKAGED_ROOT));
        } catch (FileSystemAlreadyExistsException e) {
            // Someone else has the jar open as a file system: read through theirs and leave it open.
            return read(FileSystems.getFileSystem(marker).getPath("/" + PACKAGED_ROOT));
        }
    }

    private static Map<String, String> read(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                if (relative.endsWith(".drl") || relative.endsWith(".json") || relative.endsWith(".properties")) {
                    files.put(relative, readFile(path, relative));
                }
            }
        } catch (IOException e) {
            throw unreadable(root, e);
        } catch (UncheckedIOException e) {
            throw unreadable(root, e.getCause());
        }
        return files;
    }

    private static String readFile(Path path, String relative) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw unreadable(relative, "is not UTF-8 text");
        } catch (IOException e) {
            throw unreadable(relative, "cannot be read: " + reason(e));
        }
    }

    /** A folder of the rule set that cannot be listed, named as the file system names it. */
    private static RuleSetException unreadable(Path root, IOException e) {
        String file = e instanceof FileSystemException failed && failed.getFile() != null
                ? failed.getFile() : root.toString();
        return unreadable(file, "cannot read the rule folder: " + reason(e));
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : "read error";
    }

    /** SHA-256 over every file name and text (line endings normalised): any edit changes it. */
    public String contentHash() {
        return contentHash;
    }

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every rule file of the set, the client's and the organisation's. */
    public Map<String, String> drlFiles() {
        return drlFiles(name -> true);
    }

    /** The rule files that assess a client's intake: every rule file outside {@code organisation/}. */
    public Map<String, String> clientRuleFiles() {
        return drlFiles(name -> !isOrganisationFile(name));
    }

    /** The rule files that advise an organisation on its team signals: those in {@code organisation/}. */
    public Map<String, String> organisationRuleFiles() {
        return drlFiles(RuleSetFiles::isOrganisationFile);
    }

    private Map<String, String> drlFiles(Predicate<String> which) {
        Map<String, String> drl = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".drl") && which.test(name)) {
                drl.put(name, text);
            }
        });
        return drl;
    }

    static boolean isOrganisationFile(String name) {
        return name.startsWith(ORGANISATION_FOLDER);
    }
}
