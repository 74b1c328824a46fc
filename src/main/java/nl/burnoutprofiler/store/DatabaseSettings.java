package nl.burnoutprofiler.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where data lives: a JDBC URL with its user and password. PostgreSQL ({@code jdbc:postgresql:}) for a real
 * installation, or the embedded SQLite database ({@link #embedded(Path)}) for a single machine.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password) {

    /** The file of the embedded database in its data folder. */
    static final String EMBEDDED_FILE = "burnout-profiler.db";

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    /** URL parameters that carry credentials: {@code ;password=x} (H2) or {@code ?user=x&password=y} (PostgreSQL). */
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)([;?&])(user|password|sslpassword|pwd)=[^;&]*");
    /** Credentials before the host: {@code //user:secret@host}. */
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL (it should start with jdbc:): " + strip(jdbcUrl));
        }
    }

    /**
     * The SQLite database {@code <dataDirectory>/burnout-profiler.db}. Opening it makes the data folder and keeps it
     * readable by its owner only; see {@link DataFolder}.
     */
    public static DatabaseSettings embedded(Path dataDirectory) {
        Path folder = dataDirectory.toAbsolutePath().normalize();
        return new DatabaseSettings(SQLITE_PREFIX + folder.resolve(EMBEDDED_FILE), null, null);
    }

    /** The data folder of the embedded database (its file is {@value #EMBEDDED_FILE}); empty for any other. */
    Optional<Path> embeddedDataFolder() {
        return sqliteFile().filter(file -> file.getFileName().toString().equals(EMBEDDED_FILE)).map(Path::getParent);
    }

    /** True for SQLite, the embedded database. */
    public boolean embedded() {
        return jdbcUrl.startsWith(SQLITE_PREFIX);
    }

    /** The file of an SQLite database; empty for other databases and for SQLite in memory. */
    Optional<Path> sqliteFile() {
        if (!embedded()) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(SQLITE_PREFIX.length());
        int parameters = rest.indexOf('?');
        String file = parameters < 0 ? rest : rest.substring(0, parameters);
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file).toAbsolutePath().normalize());
    }

    /** For logs: the URL without credentials. */
    public String describe() {
        return strip(jdbcUrl);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }

    private static String strip(String url) {
        String withoutParameters = CREDENTIAL_PARAMETER.matcher(url).replaceAll("$1$2=***");
        return USER_INFO.matcher(withoutParameters).replaceAll("//***@");
    }
}
