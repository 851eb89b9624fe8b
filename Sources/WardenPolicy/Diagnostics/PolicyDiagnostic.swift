import WardenYAML

/// One problem found while loading, compiling or linting policies, with where it is and how to fix it.
public struct PolicyDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Error (the policy set is not used) or warning.
    public var severity: DiagnosticSeverity
    /// The stable code, e.g. `unknown-operator`.
    public var code: DiagnosticCode
    /// `file:line:col` of the offending node.
    public var mark: Mark
    /// Lowercase, no final period, user input in backticks.
    public var message: String
    /// How to fix it, e.g. "did you mean `eq`?"; `nil` when there is nothing useful to add.
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        _ severity: DiagnosticSeverity, _ code: DiagnosticCode, at mark: Mark,
        _ message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.mark = mark
        self.message = message
        self.hint = hint
    }

    /// Creates an error diagnostic.
    public static func error(
        _ code: DiagnosticCode, at mark: Mark, _ message: String, hint: String? = nil
    ) -> PolicyDiagnostic {
        PolicyDiagnostic(.error, code, at: mark, message, hint: hint)
    }

    /// Creates a warning diagnostic.
    public static func warning(
        _ code: DiagnosticCode, at mark: Mark, _ message: String, hint: String? = nil
    ) -> PolicyDiagnostic {
        PolicyDiagnostic(.warning, code, at: mark, message, hint: hint)
    }

    /// Whether this is an error.
    public var isError: Bool { severity == .error }

    /// `file:line:col: error[code]: message; hint`.
    public var description: String {
        var text = "\(mark): \(severity)[\(code)]: \(message)"
        if let hint { text += "; \(hint)" }
        return text
    }
}

extension Array where Element == PolicyDiagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains(where: \.isError) }

    /// The diagnostics ordered by position (file, line, column), then code, stable otherwise.
    public func sortedByMark() -> [PolicyDiagnostic] {
        enumerated().sorted { a, b in
            if a.element.mark != b.element.mark { return a.element.mark < b.element.mark }
            return a.offset < b.offset
        }.map(\.element)
    }
}
