/// The operators of a condition (spec section 4). Lowercase and exact.
public enum ConditionOperator: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Equality with coercion.
    case eq
    /// Negated equality.
    case ne
    /// Numeric less-than.
    case lt
    /// Numeric greater-than.
    case gt
    /// Numeric less-or-equal.
    case lte
    /// Numeric greater-or-equal.
    case gte
    /// The field equals an element of the list (or the string) value.
    case `in`
    /// Negated `in`.
    case nin
    /// Substring of string forms (scalar field) or element equality (list field).
    case contains
    /// Negated `contains`.
    case ncontains
    /// The field's string form matches the regular expression, unanchored.
    case matches
    /// Negated `matches`.
    case nmatches
    /// Whether the field is present must equal the boolean value.
    case exists
    /// Whether the field is absent must equal the boolean value.
    case nexists

    /// The operator as written in YAML.
    public var description: String { rawValue }

    /// Whether the operator is a negation of another (`ne`, `nin`, `ncontains`, `nmatches`).
    public var isNegated: Bool {
        switch self {
        case .ne, .nin, .ncontains, .nmatches: true
        default: false
        }
    }
}
