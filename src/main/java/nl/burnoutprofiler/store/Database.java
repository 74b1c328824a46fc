package nl.burnoutprofiler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * The store: a connection pool, migrated with Flyway when opened, and the stores that work on it. Thread-safe; open
 * one per application and close it at shutdown.
 *
 * <p>It runs on PostgreSQL or on SQLite, the embedded database. Migrations come from
 * {@code classpath:db/migration/common} and {@code classpath:db/migration/postgresql} for PostgreSQL, and from
 * {@code classpath:db/migration/sqlite} (the same versions in SQLite's terms) for SQLite.
 *
 * <p>SQLite runs in write-ahead-log mode with {@code synchronous=FULL}: a commit returns once its log record is on
 * disk, so that nothing acknowledged is lost when the process is killed (or the machine loses power), and readers
 * never wait for the writer. Every transaction takes the write lock when it begins ({@code BEGIN IMMEDIATE}), so two
 * transactions never both read and then both try to write.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static final String MIGRATIONS = "classpath:db/migration";
    /** How long a write waits for another process's write on the same SQLite file (the CLI beside a server). */
    private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    private final HikariDataSource pool;
    private final String where;
    private final Jdbc jdbc;
    private final UserStore users;
    private final TokenStore tokens;
    private final SessionStore sessions;
    private final CaseStore cases;
    private final AuditLog audit;
    private final CdsFeedbackStore cdsFeedback;
    private final ServerSecrets secrets;
    private final UsedTokenIds usedTokenIds;
    private final RuleSetStore ruleSets;
    private final UnitStore units;
    private final SignInAttempts signInAttempts;

    private Database(HikariDataSource pool, Dialect dialect, Clock clock, String where) {
        this.pool = pool;
        this.where = where;
        this.jdbc = new Jdbc(pool, dialect, clock);
        this.users = new UserStore(jdbc);
        this.tokens = new TokenStore(jdbc);
        this.sessions = new SessionStore(jdbc);
        this.cases = new CaseStore(jdbc);
        this.audit = new AuditLog(jdbc);
        this.cdsFeedback = new CdsFeedbackStore(jdbc);
        this.secrets = new ServerSecrets(jdbc);
        this.usedTokenIds = new UsedTokenIds(jdbc);
        this.ruleSets = new RuleSetStore(jdbc);
        this.units = new UnitStore(jdbc);
        this.signInAttempts = new SignInAttempts(jdbc);
    }

    /**
     * Opens the database and brings its schema up to date. For the embedded database: its folder is made when
     * missing, its files are readable by their owner only, and the H2 database of earlier versions, when found in
     * its folder, is imported first (see {@link LegacyH2Import}).
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /** As {@link #open(DatabaseSettings)}, with the clock that timestamps what is stored (for tests). */
    public static Database open(DatabaseSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        String where = settings.describe();
        if (settings.jdbcUrl().startsWith("jdbc:h2:")) {
            throw new StoreException("H2 (" + where + ") is no longer a store of burnout-profiler: killed while storing,"
                    + " it lost intakes it had acknowledged. Use the embedded database (leave the database URL out; it"
                    + " imports the H2 database of its data folder) or PostgreSQL");
        }
        Optional<Path> dataFolder = settings.embeddedDataFolder();
        dataFolder.ifPresent(DataFolder::protect);
        dataFolder.ifPresent(LegacyH2Import::importIfFound);
        Optional<Path> file = settings.sqliteFile();
        file.ifPresent(DataFolder::protectDatabaseFiles);

        HikariDataSource pool = pool(settings, where);
        try {
            Dialect dialect = dialectOf(pool, where);
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations(dialect.migrationLocations(MIGRATIONS))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info("Opened database {} (schema version {}, {} migration(s) applied)",
                    where, result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
            // Again, now that the log files exist.
            file.ifPresent(DataFolder::protectDatabaseFiles);
            return new Database(pool, dialect, clock, where);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("Cannot bring the database " + where + " up to date: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Whether the database answers a connection check now: for a readiness probe. */
    public boolean answers() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            LOG.warn("The database {} does not answer: {}", where, e.getMessage());
            return false;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public UserStore users() {
        return users;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public CaseStore cases() {
        return cases;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The CDS Hooks cards issued and the feedback on them. */
    public CdsFeedbackStore cdsFeedback() {
        return cdsFeedback;
    }

    /** Keys shared by every server on this database. */
    public ServerSecrets secrets() {
        return secrets;
    }

    /** The ids of one-time tokens already used, shared by every server on this database. */
    public UsedTokenIds usedTokenIds() {
        return usedTokenIds;
    }

    /** The rule sets the servers run, and which one is active. */
    public RuleSetStore ruleSets() {
        return ruleSets;
    }

    /** Sign-in attempts counted for throttling, shared by every server on the database. */
    public SignInAttempts signInAttempts() {
        return signInAttempts;
    }

    /** Organisational units of cases and of organisation users. */
    public UnitStore units() {
        return units;
    }

    @Override
    public void close() {
        jdbc.close();
        pool.close();
    }

    private static HikariDataSource pool(DatabaseSettings settings, String where) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("burnout-profiler");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setConnectionTimeout(10_000);
        if (settings.embedded()) {
            // Pragmas of sqlite-jdbc, set on every connection it opens.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("Cannot connect to the database " + where + ": " + cause.getMessage(), cause);
        } catch (RuntimeException e) {
            // For instance no JDBC driver for the URL.
            throw new StoreException("Cannot connect to the database " + where + ": " + e.getMessage(), e);
        }
    }

    private static Dialect dialectOf(DataSource pool, String where) {
        String product;
        try (Connection connection = pool.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreException("Cannot connect to the database " + where, e);
        }
        return Dialect.of(product).orElseThrow(() -> new StoreException(
                "Unsupported database " + product + " at " + where + ": use PostgreSQL or the embedded SQLite"));
    }
}
