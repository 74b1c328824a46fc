package nl.burnoutprofiler.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * Registers the API's routes with Javalin and remembers them, so a test can hold every route against the OpenAPI
 * document and against the access rules.
 */
final class RouteTable {

    /** One route: method, path in OpenAPI's {@code {param}} form, and who may call it (empty: anyone). */
    record Route(HandlerType method, String path, Set<Access> access) {
    }

    private final Javalin app;
    private final List<Route> routes = new ArrayList<>();

    RouteTable(Javalin app) {
        this.app = app;
    }

    void get(String path, Handler handler, Access... access) {
        add(HandlerType.GET, path, handler, access);
    }

    void post(String path, Handler handler, Access... access) {
        add(HandlerType.POST, path, handler, access);
    }

    void put(String path, Handler handler, Access... access) {
        add(HandlerType.PUT, path, handler, access);
    }

    void delete(String path, Handler handler, Access... access) {
        add(HandlerType.DELETE, path, handler, access);
    }

    private void add(HandlerType method, String path, Handler handler, Access... access) {
        app.addHttpHandler(method, path, handler, access);
        routes.add(new Route(method, path, Set.of(access)));
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }
}
