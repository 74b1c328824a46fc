package nl.burnoutprofiler.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;

/**
 * The folder of the embedded database. It holds health data, so it and the files in it are readable by their owner
 * only, and the database is protected by a generated secret kept beside it in {@value #SECRET_FILE} (also owner
 * only): whoever may read the folder may open the database, nobody else.
 */
final class DataFolder {

    static final String SECRET_FILE = "database.secret";

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DataFolder() {
    }

    /** The secret of the database in {@code folder}, made (with the folder) when there is none yet. */
    static String secret(Path folder) {
        protect(folder);
        Path secretFile = folder.resolve(SECRET_FILE);
        try {
            if (!Files.exists(secretFile)) {
                create(folder, secretFile);
            }
            String secret = Files.readString(secretFile, StandardCharsets.US_ASCII).strip();
            if (secret.isEmpty()) {
                throw new StoreException("The database secret " + secretFile + " is empty: restore it from a backup");
            }
            return secret;
        } catch (IOException e) {
            throw new StoreException("Cannot read or create the database secret " + secretFile + ": " + e, e);
        }
    }

    /**
     * Before and after opening an H2 file database: the data folder of the embedded database (the one with a
     * secret) is closed to others; the folder of any other H2 URL is only made if missing, and left as it is.
     */
    static void prepare(Path folder) {
        if (Files.exists(folder.resolve(SECRET_FILE))) {
            protect(folder);
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + folder + ": " + e, e);
        }
    }

    /**
     * Makes the folder if it is missing, and leaves it and the files in it readable by their owner only. Where the
     * file system has no POSIX permissions it only makes the folder.
     */
    private static void protect(Path folder) {
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
     * Gives a database made before the secret existed (user {@code sa} without a password) the secret as its
     * password. False when the database does not open without a password: then it was never unprotected.
     */
    static boolean protectUnprotectedDatabase(DatabaseSettings settings) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), "");
             Statement statement = connection.createStatement()) {
            // The secret is Base64url, so it cannot end the quoted string.
            statement.execute("ALTER USER " + settings.user() + " SET PASSWORD '" + settings.password() + "'");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void create(Path folder, Path secretFile) throws IOException {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        FileAttribute<?>[] ownerOnly = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Path written = Files.createTempFile(folder, ".secret-", ".tmp", ownerOnly);
        try {
            Files.writeString(written, secret + "\n", StandardCharsets.US_ASCII);
            Files.move(written, secretFile);
        } catch (FileAlreadyExistsException anotherStartWasFirst) {
            // Two starts on a new folder at once: the first secret written is the one.
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
