package nl.burnoutprofiler.store;

import java.sql.SQLException;

/** What was asked clashes with what is stored: a name that is taken, a case that belongs to another coach. */
public final class ConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, SQLException cause) {
        super(message, cause);
    }
}
