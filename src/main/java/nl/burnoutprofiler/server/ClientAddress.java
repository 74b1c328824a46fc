package nl.burnoutprofiler.server;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.javalin.http.Context;

/**
 * Where a request comes from: the address of its connection, or, when that is a trusted reverse proxy, the
 * address the proxy names in {@code X-Forwarded-For}. Anyone can write that header, so it counts only from the
 * proxies the operator named ({@code --trusted-proxy}), read from the right: the first address that is not a
 * trusted proxy is the client.
 */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** An IPv4 or IPv6 address as written (no host names: those would need a lookup, and can lie). */
    private static final Pattern IP_ADDRESS =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** What is kept of an address that a proxy forwards: enough for any real one. */
    private static final int MAX_ADDRESS = 64;

    private final Set<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(Context ctx) {
        return of(ctx.ip(), ctx.header(FORWARDED_FOR));
    }

    String of(String connection, String forwardedFor) {
        if (forwardedFor == null || !trustedProxies.contains(connection)) {
            return connection;
        }
        List<String> hops = List.of(forwardedFor.split(","));
        String client = connection;
        for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(client); i--) {
            String hop = hops.get(i).strip();
            if (hop.isEmpty()) {
                break;
            }
            client = hop.length() > MAX_ADDRESS ? hop.substring(0, MAX_ADDRESS) : hop;
        }
        return client;
    }

    /** A proxy's address as an option gives it: an IP address, compared as written. */
    static String checkedProxy(String address) {
        String trimmed = address == null ? "" : address.strip();
        if (!IP_ADDRESS.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("a trusted proxy is an IP address such as 127.0.0.1, not " + address);
        }
        return trimmed;
    }
}
