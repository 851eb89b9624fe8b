/// The SQL granting the two roles of an audit store their least privileges (run by the owner
/// after the schema exists, i.e. after one connection as the owner):
/// - the **writer** (each gateway): `INSERT` on the three record tables, and `SELECT` of the
///   columns that find its chain's head (`node`, `seq`, `hash`, `id`) and of `schema_version`;
///   no `UPDATE`, `DELETE` or `TRUNCATE`, and it cannot read the stored lines;
/// - the **reviewer** (`query`, `stats`, `tail`, `verify`, `replay`): `SELECT` only.
/// (`import` loads with the owner's role, or one granted `INSERT` like the writer.)
public enum PostgresGrants {
    /// The writer's grant statements for `role` (created first, without password, when `create`).
    public static func writer(role: String, create: Bool = false) -> [String] {
        let name = quoted(role)
        return (create ? ["CREATE ROLE \(name) LOGIN"] : []) + [
            "GRANT USAGE ON SCHEMA public TO \(name)",
            "GRANT SELECT ON schema_version TO \(name)",
            "GRANT INSERT ON audit_records, audit_checks, audit_check_policies TO \(name)",
            "GRANT SELECT (node, seq, hash, id) ON audit_records TO \(name)",
        ]
    }

    /// The reviewer's grant statements for `role` (created first, without password, when `create`).
    public static func reviewer(role: String, create: Bool = false) -> [String] {
        let name = quoted(role)
        return (create ? ["CREATE ROLE \(name) LOGIN"] : []) + [
            "GRANT USAGE ON SCHEMA public TO \(name)",
            "GRANT SELECT ON schema_version, audit_records, audit_checks, audit_check_policies TO \(name)",
        ]
    }

    /// `role` as a quoted SQL identifier.
    static func quoted(_ role: String) -> String {
        "\"" + role.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
