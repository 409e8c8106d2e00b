package org.astroruntime.e2e.peers;

/**
 * Metadata of one table column as VOTable FIELDs, VOSI tablesets and TAP_SCHEMA describe it.
 *
 * @param name        column name (lower case: ADQL names are matched case-insensitively)
 * @param datatype    VOTable datatype ({@code char}, {@code short}, {@code int}, {@code long}, {@code float},
 *                    {@code double}, {@code boolean})
 * @param arraysize   VOTable arraysize, or null for scalars
 * @param unit        VOUnit, or null
 * @param ucd         UCD1+, or null
 * @param utype       utype, or null
 * @param xtype       xtype, or null
 * @param description human description, or null
 * @param principal   TAP_SCHEMA {@code principal} flag
 * @param indexed     TAP_SCHEMA {@code indexed} flag
 * @param std         TAP_SCHEMA {@code std} flag (defined by a standard, e.g. ObsCore)
 */
public record ColumnDef(String name, String datatype, String arraysize, String unit, String ucd, String utype,
                        String xtype, String description, boolean principal, boolean indexed, boolean std) {

    /** A principal, non-standard column. */
    public static ColumnDef of(String name, String datatype, String arraysize, String unit, String ucd, String description) {
        return new ColumnDef(name, datatype, arraysize, unit, ucd, null, null, description, true, false, false);
    }

    /** The same column under another name (a SELECT alias). */
    public ColumnDef renamed(String newName) {
        return new ColumnDef(newName, datatype, arraysize, unit, ucd, utype, xtype, description, principal, indexed, std);
    }

    /** Whether values are integers (null needs a VALUES null= in VOTable 1.2 and earlier; 1.3+ allows empty TD). */
    public boolean isIntegral() {
        return switch (datatype) {
            case "short", "int", "long", "unsignedByte" -> true;
            default -> false;
        };
    }

    /** Whether values are numbers. */
    public boolean isNumeric() {
        return isIntegral() || datatype.equals("float") || datatype.equals("double");
    }
}
