package nl.burnoutprofiler.server;

import io.javalin.security.RouteRole;

import nl.burnoutprofiler.store.Role;

/** Who may call a route: the roles of contract section 6. A route without any is public. */
enum Access implements RouteRole {
    COACH, CASE_MANAGER, ADMIN, INTEGRATOR, ORGANISATION;

    static Access of(Role role) {
        return switch (role) {
            case COACH -> COACH;
            case CASE_MANAGER -> CASE_MANAGER;
            case ADMIN -> ADMIN;
            case INTEGRATOR -> INTEGRATOR;
            case ORGANISATION -> ORGANISATION;
        };
    }

    /** Every signed-in person or program. */
    static final Access[] ANYONE = values();

    /**
     * Everyone who may have a single client's intake assessed: not the organisation, which sees aggregates of its
     * units only.
     */
    static final Access[] ASSESSING = {COACH, CASE_MANAGER, ADMIN, INTEGRATOR};
}
