package nl.burnoutprofiler.server;

import java.io.PrintStream;

import nl.burnoutprofiler.store.ConflictException;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.Role;

/**
 * A new installation has no users. The first start creates the admin {@value #USERNAME}, with the password from
 * the environment variable {@value #PASSWORD_VARIABLE} or else a random one shown once on the console, so the
 * person who installed it can sign in and create the coaches and case managers.
 */
public final class FirstAdmin {

    public static final String USERNAME = "admin";
    public static final String PASSWORD_VARIABLE = "BURNOUT_ADMIN_PASSWORD";

    private FirstAdmin() {
    }

    /**
     * Creates the first admin when there are no users at all; does nothing otherwise. Servers that start at once on
     * one database may all find no users: the database lets one of them create the admin, and only that one shows
     * a password.
     */
    public static void ensure(Database database, String configuredPassword, PrintStream console) {
        if (!database.users().isEmpty()) {
            return;
        }
        String password = configuredPassword != null ? configuredPassword : Secrets.newSecret().substring(0, 20);
        try {
            database.users().create(USERNAME, "Beheerder / Administrator", Role.ADMIN, Passwords.hash(password), null);
        } catch (ConflictException e) {
            console.println("No users yet: another server created the admin '" + USERNAME + "' at the same moment;"
                    + " its console shows the password.");
            return;
        }
        if (configuredPassword == null) {
            console.println("No users yet: created the admin '" + USERNAME + "' with password " + password);
            console.println("Sign in at the web application and create coaches and case managers; this password is"
                    + " shown only now.");
        } else {
            console.println("No users yet: created the admin '" + USERNAME + "' with the password from "
                    + PASSWORD_VARIABLE + ".");
        }
    }
}
