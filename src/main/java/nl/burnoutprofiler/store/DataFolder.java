package nl.burnoutprofiler.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The folder of the embedded database. It holds health data, so it and the files in it are readable by their owner
 * only: whoever may read the folder may open the database, nobody else.
 */
final class DataFolder {

    /** The password of the H2 database that the embedded store was before SQLite (see {@link LegacyH2Import}). */
    static final String SECRET_FILE = "database.secret";

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** What SQLite keeps beside a database file while it is open, or after a crash until the next open. */
    private static final List<String> SQLITE_COMPANIONS = List.of("", "-wal", "-shm", "-journal");

    private DataFolder() {
    }

    /**
     * Makes the folder if it is missing, and leaves it and the files in it readable by their owner only. Where the
     * file system has no POSIX permissions it only makes the folder.
     */
    static void protect(Path folder) {
        try {
            if (!posix()) {
                Files.createDirectories(folder);
                return;
            }
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            }
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create or protect the data folder " + folder + ": " + e, e);
        }
    }

    /**
     * Before and after an SQLite database is opened: its folder is made if missing (and otherwise left as it is),
     * and the database file and the files SQLite keeps beside it are readable by their owner only. SQLite gives a
     * log it makes later the permissions of the database file.
     */
    static void protectDatabaseFiles(Path databaseFile) {
        try {
            Path folder = databaseFile.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            if (!posix()) {
                return;
            }
            for (String suffix : SQLITE_COMPANIONS) {
                Path file = databaseFile.resolveSibling(databaseFile.getFileName() + suffix);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create or protect the database file " + databaseFile + ": " + e, e);
        }
    }

    /** The secret kept in the folder for the H2 database of earlier versions; empty when there is none. */
    static Optional<String> legacySecret(Path folder) {
        Path secretFile = folder.resolve(SECRET_FILE);
        if (!Files.exists(secretFile)) {
            return Optional.empty();
        }
        try {
            String secret = Files.readString(secretFile, StandardCharsets.US_ASCII).strip();
            return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        } catch (IOException e) {
            throw new StoreException("Cannot read the database secret " + secretFile + ": " + e, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
