import WardenPolicy
import WardenValue

/// Prints policy diagnostics the way every command shows them.
public enum DiagnosticRendering {
    /// `file:line:col: error[code]: message`, then `  hint: ...` when there is a hint.
    public static func text(_ diagnostic: PolicyDiagnostic) -> String {
        var text = "\(diagnostic.mark): \(diagnostic.severity)[\(diagnostic.code)]: \(diagnostic.message)"
        if let hint = diagnostic.hint { text += "\n  hint: \(hint)" }
        return text
    }

    /// `{"file", "line", "column", "severity", "code", "message", "hint"}`; `hint` is `null`
    /// when there is none.
    public static func json(_ diagnostic: PolicyDiagnostic) -> JSONObject {
        var object = JSONObject()
        object.add("file", .string(diagnostic.mark.file))
        object.add("line", .int(diagnostic.mark.line))
        object.add("column", .int(diagnostic.mark.column))
        object.add("severity", .string(diagnostic.severity.rawValue))
        object.add("code", .string(diagnostic.code.description))
        object.add("message", .string(diagnostic.message))
        object.add("hint", diagnostic.hint.map(Value.string) ?? .null)
        return object
    }

    /// Writes each diagnostic as text, one after another.
    public static func write(_ diagnostics: [PolicyDiagnostic], to output: any TextOutput) {
        for diagnostic in diagnostics { output.line(text(diagnostic)) }
    }

    /// `1 error`, `2 errors`: a number with its noun in the right form.
    public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
