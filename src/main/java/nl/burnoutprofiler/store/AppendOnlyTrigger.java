package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On H2, makes a table append-only: installed as a BEFORE UPDATE (and, on the audit log, DELETE) statement trigger
 * (migrations {@code db/migration/h2/V2}, {@code V4} and {@code V5}), it refuses every such statement. PostgreSQL
 * does the same with a PL/pgSQL trigger. H2 is optional at run time; this class is only loaded when H2 is used.
 */
public final class AppendOnlyTrigger implements Trigger {

    /** SQLState for "insufficient privilege", as PostgreSQL's trigger raises. */
    static final String REFUSED = "42501";

    private String table = "this table";
    private String operations = "changes are";

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.table = tableName;
        boolean update = (type & Trigger.UPDATE) != 0;
        boolean delete = (type & Trigger.DELETE) != 0;
        this.operations = update && delete ? "UPDATE and DELETE are" : update ? "UPDATE is" : "DELETE is";
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: " + operations + " refused", REFUSED);
    }
}
