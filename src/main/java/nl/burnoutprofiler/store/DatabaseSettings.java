package nl.burnoutprofiler.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where data lives: a JDBC URL with its user and password. PostgreSQL ({@code jdbc:postgresql:}) for a real
 * installation, or an embedded H2 file database ({@link #embedded(Path)}) for a single machine.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password) {

    /**
     * The H2 options of the embedded database. The first three let the one set of migrations, written for
     * PostgreSQL, serve H2 as well. {@code WRITE_DELAY=0} has each commit written by the committing thread, where
     * H2's default leaves it to a background writer for up to half a second. That narrows what a crash can take
     * but does not close it: see the README's "Reliability" for what H2 still loses to {@code kill -9}.
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    /** The user of the embedded database; its password is the secret kept in the data folder. */
    static final String H2_USER = "sa";

    private static final String H2_FILE_PREFIX = "jdbc:h2:file:";
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
     * The H2 file database {@code <dataDirectory>/burnout-profiler}, protected by the secret kept beside it. Creates
     * the data folder (owner only) and the secret on first use; see {@link DataFolder}.
     */
    public static DatabaseSettings embedded(Path dataDirectory) {
        Path folder = dataDirectory.toAbsolutePath().normalize();
        String secret = DataFolder.secret(folder);
        return new DatabaseSettings(H2_FILE_PREFIX + folder.resolve("burnout-profiler") + H2_OPTIONS, H2_USER, secret);
    }

    /** True for H2, the embedded database. */
    public boolean embedded() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** For logs: the URL without credentials. */
    public String describe() {
        return strip(jdbcUrl);
    }

    /** The folder an H2 file database is kept in; empty for other databases. */
    Optional<Path> h2Directory() {
        if (!jdbcUrl.startsWith(H2_FILE_PREFIX)) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(H2_FILE_PREFIX.length());
        int options = rest.indexOf(';');
        String file = options < 0 ? rest : rest.substring(0, options);
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return Optional.ofNullable(parent);
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
