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

    /// An SQL condition on `column` (a column name of the statement, never user input):
    /// equality for a literal pattern, else an index range on the literal prefix plus
    /// `warden_glob` for the exact match. Pattern and prefix are bound, not spliced.
    func sqlCondition(_ column: String) -> SQL {
        let column = SQL(sql: column)
        if isLiteral { return "\(column) = \(text)" }
        var parts: [SQL] = []
        let prefix = literalPrefix
        if !prefix.isEmpty {
            if let upper = Self.upperBound(ofPrefix: prefix) { parts.append("\(column) < \(upper)") }
            parts.append("\(column) >= \(prefix)")
        }
        parts.append("warden_glob(\(text), \(column))")
        return parts.joined(separator: " AND ")
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
