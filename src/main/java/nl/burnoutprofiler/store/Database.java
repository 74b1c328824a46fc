package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

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
 * <p>Migrations come from {@code classpath:db/migration/common} and from the folder of the database in use,
 * {@code classpath:db/migration/h2} or {@code classpath:db/migration/postgresql} (what cannot be written alike for
 * both, such as the triggers that make intakes, outcomes and the audit log append-only).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static final String MIGRATIONS = "classpath:db/migration";
    /** {@code org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD}. */
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;

    private final HikariDataSource pool;
    private final UserStore users;
    private final TokenStore tokens;
    private final SessionStore sessions;
    private final CaseStore cases;
    private final AuditLog audit;
    private final CdsFeedbackStore cdsFeedback;

    private Database(HikariDataSource pool, Clock clock) {
        this.pool = pool;
        Jdbc jdbc = new Jdbc(pool, clock);
        this.users = new UserStore(jdbc);
        this.tokens = new TokenStore(jdbc);
        this.sessions = new SessionStore(jdbc);
        this.cases = new CaseStore(jdbc);
        this.audit = new AuditLog(jdbc);
        this.cdsFeedback = new CdsFeedbackStore(jdbc);
    }

    /**
     * Opens the database and brings its schema up to date. An H2 file database gets its folder made; the data folder
     * of the embedded database is closed to others, and a database there made before it had a secret gets the
     * secret as its password.
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /** As {@link #open(DatabaseSettings)}, with the clock that timestamps what is stored (for tests). */
    public static Database open(DatabaseSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        String where = settings.describe();
        settings.h2Directory().ifPresent(DataFolder::prepare);

        HikariDataSource pool = connect(settings, where);
        try {
            String vendor = vendorOf(pool, where);
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS + "/common", MIGRATIONS + "/" + vendor)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info("Opened database {} (schema version {}, {} migration(s) applied)",
                    where, result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
            // Again, now that the database files exist: H2 makes them with the process's umask.
            settings.h2Directory().ifPresent(DataFolder::prepare);
            return new Database(pool, clock);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("Cannot bring the database " + where + " up to date: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
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

    @Override
    public void close() {
        pool.close();
    }

    private static HikariDataSource connect(DatabaseSettings settings, String where) {
        try {
            return pool(settings, where);
        } catch (StoreException e) {
            if (settings.embedded() && wrongPassword(e) && DataFolder.protectUnprotectedDatabase(settings)) {
                LOG.info("The embedded database {} now has the secret of its data folder as its password", where);
                return pool(settings, where);
            }
            throw e;
        }
    }

    private static boolean wrongPassword(StoreException e) {
        return e.getCause() instanceof SQLException cause && cause.getErrorCode() == H2_WRONG_USER_OR_PASSWORD;
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

    /** The migration folder of the database behind the pool. */
    private static String vendorOf(DataSource pool, String where) {
        String product;
        try (Connection connection = pool.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreException("Cannot connect to the database " + where, e);
        }
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return "h2";
        }
        if (name.equals("postgresql")) {
            return "postgresql";
        }
        throw new StoreException("Unsupported database " + product + " at " + where + ": use PostgreSQL or H2");
    }
}
