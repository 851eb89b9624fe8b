import Testing
import WardenExpression
import WardenValue

/// Precedence and associativity as documented (expr-lang's table).
@Suite("precedence")
struct PrecedenceTests {
    @Test(
        "operators bind as the precedence table says",
        arguments: [
            // && binds tighter than ||
            ("true || false && false", Value.bool(true)),
            ("false && true || true", .bool(true)),
            // comparison binds tighter than && and looser than +
            ("1 + 1 == 2 && 2 * 3 == 6", .bool(true)),
            // * binds tighter than +, both left-associative
            ("2 + 3 * 4 - 1", .int(13)),
            ("20 / 2 / 5", .double(2)),
            // unary minus binds tighter than *
            ("-2 * 3", .int(-6)),
            // `not` binds looser than * and tighter than + (expr-lang)
            ("not true == false", .bool(true)),
            // ?? binds tighter than arithmetic and comparison
            ("meta.missing ?? 1 + 1", .int(2)),
            ("meta.missing ?? 2 == 2", .bool(true)),
            // the ternary is the loosest and nests to the right
            ("true ? false : true || true", .bool(false)),
            ("false ? 1 : false ? 2 : 3", .int(3)),
            // postfix access binds tightest
            ("-meta.n", .int(-4)),
            ("[1, 2, 3][1] * 2", .int(4)),
            // not in / not matches are single operators at comparison level
            (#"1 + 1 not in [2] || true"#, .bool(true)),
        ])
    func precedence(source: String, expected: Value) throws {
        #expect(try value(source, environment(meta: ["n": 4])) == expected)
    }

    @Test("`not` applies before `==`, so `not a == b` compares a boolean")
    func notBeforeEquality() throws {
        // (not "x") is a type error: the well-known pitfall, reported rather than guessed.
        #expect(try evaluationError(#"not meta.role == "admin""#, environment(meta: ["role": "x"]))?.kind == .type)
        #expect(try value(#"not (meta.role == "admin")"#, environment(meta: ["role": "x"])) == .bool(true))
    }
}
