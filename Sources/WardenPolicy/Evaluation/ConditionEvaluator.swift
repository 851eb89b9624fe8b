import WardenRegex
import WardenValue

extension CompiledCondition {
    /// Evaluates the condition for `request` (spec section 4).
    func evaluate(_ request: AuthorizationRequest) -> ConditionOutcome {
        let fieldValue: Value?
        switch request.resolve(field) {
        case .present(let value): fieldValue = value
        case .missing: fieldValue = nil
        case .noActor: return .error("`\(field)` reads the actor, and the request has none")
        }
        let compared: Value
        switch operand {
        case .literal(let value): compared = value
        case .field(let path):
            switch request.resolve(path) {
            case .present(let value): compared = value
            case .missing: compared = .null
            case .noActor: return .error("`value_from: \(path)` reads the actor, and the request has none")
            }
        }
        return apply(fieldValue, compared)
    }

    /// Applies the operator to a resolved field (`nil` = missing) and compared value.
    func apply(_ fieldValue: Value?, _ compared: Value) -> ConditionOutcome {
        guard let f = fieldValue else {
            switch op {
            case .exists: return compared.boolValue == false ? .holds : .fails
            case .nexists: return compared.boolValue == true ? .holds : .fails
            default: return .fails
            }
        }
        switch op {
        case .exists: return compared.boolValue == true ? .holds : .fails
        case .nexists: return compared.boolValue == false ? .holds : .fails
        case .eq: return f.policyEquals(compared) ? .holds : .fails
        case .ne: return f.policyEquals(compared) ? .fails : .holds
        case .lt, .gt, .lte, .gte:
            guard let order = f.numericCompare(compared) else {
                return .error(
                    "`\(op)` compares numbers, but `\(field)` is \(Self.describe(f)) and the value is \(Self.describe(compared))"
                )
            }
            let holds: Bool
            switch (op, order) {
            case (.lt, .less), (.lte, .less), (.lte, .equal), (.gt, .greater), (.gte, .greater), (.gte, .equal):
                holds = true
            default:
                holds = false
            }
            return holds ? .holds : .fails
        case .in, .nin:
            let found: Bool
            switch compared {
            case .list(let elements): found = elements.contains { f.policyEquals($0) }
            case .string: found = f.policyEquals(compared)
            default:
                return .error("`\(op)` needs a list or a string to look in, found \(Self.describe(compared))")
            }
            return found == (op == .in) ? .holds : .fails
        case .contains, .ncontains:
            let found: Bool
            switch f {
            case .list(let elements):
                found = elements.contains { $0.policyEquals(compared) }
            case .map:
                return .error("`\(op)` needs a scalar or a list, but `\(field)` is a map")
            default:
                guard !compared.isNull, let needle = compared.stringForm, let haystack = f.stringForm else {
                    return .error(
                        "`\(op)` looks for the string form of the value in `\(field)`, but the value is \(Self.describe(compared))"
                    )
                }
                found = ByteSearch.contains(haystack, needle)
            }
            return found == (op == .contains) ? .holds : .fails
        case .matches, .nmatches:
            guard let subject = f.stringForm else {
                return .error("`\(op)` needs a scalar, but `\(field)` is a \(f.typeName)")
            }
            guard let regex else { return .error("`\(op)` has no regular expression") }
            do throws(RegularExpressionMatchError) {
                return try regex.matches(subject) == (op == .matches) ? .holds : .fails
            } catch {
                return .error(error.description)
            }
        }
    }

    /// `string `x``, `int `3``, `nil` for a value in a message.
    static func describe(_ value: Value) -> String {
        if value.isNull { return "nil" }
        return "\(value.typeName) `\(PolicyCompiler.display(value))`"
    }
}
