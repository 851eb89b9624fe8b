import GRDB
import WardenGlob

extension AuditGlob {
    /// `warden_glob(pattern, value)`: 1 when `value` matches `pattern`, 0 otherwise (NULL never matches).
    static let sqlFunction = DatabaseFunction("warden_glob", argumentCount: 2, pure: true) { arguments in
        guard let pattern = String.fromDatabaseValue(arguments[0]), let value = String.fromDatabaseValue(arguments[1])
        else {
            return false
        }
        return AuditGlob(pattern).matches(value)
    }

    /// An SQL condition on `column` with its arguments: equality for a literal pattern, else an
    /// index range on the literal prefix plus `warden_glob` for the exact match.
    func sqlCondition(_ column: String) -> (sql: String, arguments: [DatabaseValue]) {
        if isLiteral { return ("\(column) = ?", [text.databaseValue]) }
        var sql = "warden_glob(?, \(column))"
        var arguments: [DatabaseValue] = [text.databaseValue]
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

    /// The smallest string greater than every string that starts with `prefix`, for an index
    /// range `value >= prefix AND value < upper`; `nil` when there is none.
    static func upperBound(ofPrefix prefix: String) -> String? {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if (0xD800...0xDFFF).contains(next) { next = 0xE000 }
            if let scalar = Unicode.Scalar(next) {
                scalars.append(scalar)
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                return text
            }
        }
        return nil
    }
}
