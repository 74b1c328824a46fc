package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.h2.api.Trigger;

/**
 * On H2, lets a row of an append-only table of a case (intakes, outcomes, CDS cards and feedback) be deleted only
 * while that case is being erased: {@link CaseStore#erase} marks the case in {@code case_erasure_pending} for the
 * length of its transaction. Installed BEFORE DELETE FOR EACH ROW by {@code db/migration/h2/V5__case_erasure.sql};
 * PostgreSQL does the same in PL/pgSQL.
 */
public final class ErasureOnlyDeleteTrigger implements Trigger {

    private String table;
    /** How to find the row's case: the column to read, and for tables without a case id the query from it. */
    private int keyColumn;
    private String caseQuery;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        this.table = tableName;
        String key;
        switch (tableName.toLowerCase(Locale.ROOT)) {
            case "intakes", "cds_cards" -> key = "case_id";
            case "outcomes" -> {
                key = "intake_id";
                caseQuery = "SELECT case_id FROM intakes WHERE intake_id = ?";
            }
            case "cds_feedback" -> {
                key = "card_uuid";
                caseQuery = "SELECT case_id FROM cds_cards WHERE uuid = ?";
            }
            default -> throw new SQLException("no erasure rule for table " + tableName);
        }
        keyColumn = columnIndex(connection, schemaName, tableName, key);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Object key = oldRow[keyColumn];
        String caseId = caseQuery == null ? (String) key : caseOf(connection, key);
        if (caseId == null || !beingErased(connection, caseId)) {
            throw new SQLException(table + " is append-only: DELETE refused outside the erasure of its case",
                    AppendOnlyTrigger.REFUSED);
        }
    }

    private String caseOf(Connection connection, Object key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(caseQuery)) {
            select.setObject(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static boolean beingErased(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM case_erasure_pending WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static int columnIndex(Connection connection, String schema, String table, String column)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                    return columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
        throw new SQLException("table " + table + " has no column " + column);
    }
}
