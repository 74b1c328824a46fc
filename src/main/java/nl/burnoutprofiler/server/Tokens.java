package nl.burnoutprofiler.server;

import java.util.regex.Pattern;

import nl.burnoutprofiler.store.ApiToken;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.Role;

/** API tokens, shared by the admin API and the {@code token create} command. */
public final class Tokens {

    /** A token's name is part of the path that revokes it. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    static final String NAME_RULE = "must be 1-100 characters of A-Z a-z 0-9 . _ -";

    private Tokens() {
    }

    /** A new random token value; shown to its creator once, stored only as a hash. */
    public static String newToken() {
        return Secrets.newApiToken();
    }

    /**
     * Stores a new token under its hash. A coach or case-manager token acts for an existing user of that role;
     * admin and integrator tokens act for themselves.
     *
     * @throws IllegalArgumentException when the name is not allowed, or the acting user is missing, not of that
     *                                  role, or not allowed
     * @throws nl.burnoutprofiler.store.ConflictException when the name is taken
     */
    public static ApiToken create(Database database, String name, Role role, String user, String token,
                                  String createdBy) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token name " + NAME_RULE);
        }
        return database.tokens().create(name, role, user, Secrets.hash(token), createdBy);
    }
}
