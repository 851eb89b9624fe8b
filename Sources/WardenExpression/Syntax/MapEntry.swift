/// One `key: value` of a map literal.
struct MapEntry: Sendable {
    var key: String
    var value: Expr
}
