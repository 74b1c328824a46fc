package nl.burnoutprofiler.server;

import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.Session;

/**
 * Who is calling: a person signed in through the browser ({@code session} set) or a program with a bearer token.
 *
 * @param name        username, or for a token the user it acts for, else the token's name
 * @param displayName what the web application shows
 * @param role        what they may do
 * @param session     the browser session, or null for a bearer token
 */
record Principal(String name, String displayName, Role role, Session session) {

    boolean signedInWithBrowser() {
        return session != null;
    }
}
