import WardenValue

/// Builds evaluation errors with consistent wording.
enum Fail {
    static func type(_ message: String, _ at: SourcePosition) -> ExpressionError {
        ExpressionError(kind: .type, message: message, position: at)
    }

    /// `` `x` `` for a value in a message: the canonical JSON, shortened when long.
    static func show(_ v: Value) -> String {
        var text = v.canonicalJSON
        if text.utf8.count > 60 { text = String(text.prefix(57)) + "..." }
        return "`\(text)`"
    }

    /// "a string (`"x"`)": the type and a short rendering of a value.
    static func describe(_ v: Value) -> String {
        switch v {
        case .null: "nil"
        case .list(let l): "a list of \(l.count)"
        case .map(let m): "a map of \(m.count)"
        default: "\(article(v.typeName)) \(show(v))"
        }
    }

    private static func article(_ name: String) -> String {
        name == "int" ? "an int" : "a \(name)"
    }
}
