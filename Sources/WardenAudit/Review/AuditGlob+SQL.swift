import GRDB

extension AuditGlob {
    /// `warden_glob(pattern, value)`: 1 when `value` matches `pattern`, 0 otherwise (NULL never matches).
    static let sqlFunction = DatabaseFunction("warden_glob", argumentCount: 2, pure: true) { arguments in
        guard let pattern = String.fromDatabaseValue(arguments[0]), let value = String.fromDatabaseValue(arguments[1]) else {
            return false
        }
        return AuditGlob(pattern).matches(value)
    }

    /// An SQL condition on `column` with its arguments: equality for a literal pattern, else an
    /// index range on the literal prefix plus `warden_glob` for the exact match.
    func sqlCondition(_ column: String) -> (sql: String, arguments: [DatabaseValue]) {
        if isLiteral { return ("\(column) = ?", [pattern.databaseValue]) }
        var sql = "warden_glob(?, \(column))"
        var arguments: [DatabaseValue] = [pattern.databaseValue]
        let prefix = literalPrefix
        if !prefix.isEmpty {
            sql = "\(column) >= ? AND " + sql
            arguments.insert(prefix.databaseValue, at: 0)
            if let upper = Self.upperBound(ofPrefix: prefix) {
                sql = "\(column) < ? AND " + sql
                arguments.insert(upper.databaseValue, at: 0)
            }
        }
        return (sql, arguments)
    }
}
