package nl.burnoutprofiler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Counted sign-in attempts, per budget key, in windows that begin at a key's first attempt after the last window
 * ended; shared by every server on the database. Keys are keyed hashes made by the caller, never a username or an
 * address. Each count is one atomic statement, so servers trying at once cannot both take the last attempt.
 */
public final class SignInAttempts {

    private final Jdbc jdbc;
    private final PurgeSchedule purges = new PurgeSchedule();

    SignInAttempts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A key's window and its attempts after one more was counted. */
    public record Count(Instant windowStart, int attempts) {
    }

    /**
     * Counts one attempt under {@code key}: in its running window, or in a new one from now when the last has ended.
     *
     * @param window how long a window lasts
     * @param oldest windows that began before this are forgotten now and then (the longest window of any budget)
     * @param now    the throttle's now
     */
    public Count take(String key, Duration window, Duration oldest, Instant now) {
        Objects.requireNonNull(key, "key");
        Instant ended = now.minus(window);
        boolean purge = purges.due(now);
        return jdbc.transaction("count a sign-in attempt", connection -> {
            if (purge) {
                try (PreparedStatement forget = connection.prepareStatement(
                        "DELETE FROM sign_in_attempts WHERE window_start < ?")) {
                    jdbc.setInstant(forget, 1, now.minus(oldest));
                    forget.executeUpdate();
                }
            }
            try (PreparedStatement count = connection.prepareStatement(
                    "INSERT INTO sign_in_attempts (key_hash, window_start, attempts) VALUES (?, ?, 1)"
                            + " ON CONFLICT (key_hash) DO UPDATE SET"
                            + " attempts = CASE WHEN sign_in_attempts.window_start <= ? THEN 1"
                            + " ELSE sign_in_attempts.attempts + 1 END,"
                            + " window_start = CASE WHEN sign_in_attempts.window_start <= ? THEN excluded.window_start"
                            + " ELSE sign_in_attempts.window_start END"
                            + " RETURNING window_start, attempts")) {
                count.setString(1, key);
                jdbc.setInstant(count, 2, now);
                jdbc.setInstant(count, 3, ended);
                jdbc.setInstant(count, 4, ended);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return new Count(jdbc.getInstant(row, "window_start"), row.getInt("attempts"));
                }
            }
        });
    }

    /** Gives back an attempt counted in the window that began at {@code windowStart}, if that window still runs. */
    public void giveBack(String key, Instant windowStart) {
        jdbc.transaction("give back a sign-in attempt", connection -> {
            try (PreparedStatement giveBack = connection.prepareStatement("UPDATE sign_in_attempts"
                    + " SET attempts = attempts - 1 WHERE key_hash = ? AND window_start = ? AND attempts > 0")) {
                giveBack.setString(1, key);
                jdbc.setInstant(giveBack, 2, windowStart);
                return giveBack.executeUpdate();
            }
        });
    }

    /** Forgets every attempt under {@code key}. */
    public void clear(String key) {
        jdbc.transaction("clear sign-in attempts", connection -> {
            try (PreparedStatement clear = connection.prepareStatement(
                    "DELETE FROM sign_in_attempts WHERE key_hash = ?")) {
                clear.setString(1, key);
                return clear.executeUpdate();
            }
        });
    }

    /** Remembers that {@code key} (an account and an address) signed in, until {@code until}. */
    public void remember(String key, Instant until, Instant now) {
        jdbc.transaction("remember a sign-in address", connection -> {
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM sign_in_addresses WHERE remembered_until < ?")) {
                jdbc.setInstant(forget, 1, now);
                forget.executeUpdate();
            }
            try (PreparedStatement remember = connection.prepareStatement(
                    "INSERT INTO sign_in_addresses (key_hash, remembered_until) VALUES (?, ?)"
                            + " ON CONFLICT (key_hash) DO UPDATE SET remembered_until = excluded.remembered_until")) {
                remember.setString(1, key);
                jdbc.setInstant(remember, 2, until);
                return remember.executeUpdate();
            }
        });
    }

    /** Whether {@code key} signed in before and is still remembered {@code now}. */
    public boolean remembered(String key, Instant now) {
        return jdbc.run("look up a sign-in address", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM sign_in_addresses WHERE key_hash = ? AND remembered_until > ?")) {
                select.setString(1, key);
                jdbc.setInstant(select, 2, now);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }
}
