package nl.burnoutprofiler.server;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Password hashing with bcrypt (Spring Security's implementation). Only the hash is ever stored. */
public final class Passwords {

    /** bcrypt cost: about 0.1 s per hash on a small server, far too slow to guess at scale. */
    private static final int COST = 11;
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(COST);
    /** Checked against when the user does not exist, so the answer takes as long either way. */
    private static final String UNKNOWN_USER_HASH = BCRYPT.encode("no such user");

    public static final int MIN_LENGTH = 10;

    private Passwords() {
    }

    public static String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        return BCRYPT.encode(password);
    }

    /** True when {@code password} matches {@code hash}; a null hash (unknown user) never matches. */
    public static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        if (hash == null) {
            BCRYPT.matches(password, UNKNOWN_USER_HASH);
            return false;
        }
        return BCRYPT.matches(password, hash);
    }
}
