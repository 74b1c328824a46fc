package nl.burnoutprofiler.server;

import java.util.List;

import nl.burnoutprofiler.engine.FieldProblem;

/**
 * A request that cannot be served, answered as {@code application/problem+json} (RFC 9457).
 *
 * @param status HTTP status
 * @param title  short summary of the kind of problem
 * @param detail what went wrong with this request, in plain words
 * @param errors the fields at fault, each with value and reason; empty when no field is
 */
record ApiProblem(int status, String title, String detail, List<FieldProblem> errors) {

    ApiProblem {
        errors = List.copyOf(errors);
    }

    static ApiProblem badRequest(String detail, List<FieldProblem> errors) {
        return new ApiProblem(400, "Bad request", detail, errors);
    }

    static ApiProblem badField(String field, String value, String reason) {
        return badRequest(field + " " + reason, List.of(new FieldProblem(field, value, reason)));
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail, List.of());
    }

    static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, List.of());
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, List.of());
    }

    static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, List.of());
    }

    /** Thrown by handlers; the server turns it into the response. */
    RuntimeException raise() {
        return new Raised(this);
    }

    static final class Raised extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient ApiProblem problem;

        Raised(ApiProblem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        ApiProblem problem() {
            return problem;
        }
    }
}
