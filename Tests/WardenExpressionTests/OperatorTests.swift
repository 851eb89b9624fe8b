import Testing
import WardenExpression
import WardenValue

@Suite("operators")
struct OperatorTests {
    @Test(
        "equality compares without coercion",
        arguments: [
            ("1 == 1", true), ("1 == 1.0", true), ("1 != 1.5", true), (#""1" == 1"#, false), (#""a" == "a""#, true),
            ("true == true", true), (#"true == "true""#, false), ("nil == nil", true), ("0 == nil", false),
            ("[1, 2] == [1, 2.0]", true), ("[1, 2] == [2, 1]", false), (#"{a: 1} == {"a": 1}"#, true),
            ("{a: 1} == {a: 2}", false),
            ("9007199254740993 == 9007199254740992.0", false), (#""é" == "e\u0301""#, false),
        ])
    func equality(source: String, expected: Bool) throws {
        #expect(try value(source) == .bool(expected))
    }

    @Test(
        "ordering compares numbers by value and strings by bytes",
        arguments: [
            ("1 < 2", true), ("2 <= 2", true), ("3 > 2.5", true), ("2 >= 2.5", false), (#""a" < "b""#, true),
            (#""B" < "a""#, true), (#""ab" > "a""#, true), (#""é" > "z""#, true),
            ("9223372036854775807 < 9223372036854775808.0", true),
        ])
    func ordering(source: String, expected: Bool) throws {
        #expect(try value(source) == .bool(expected))
    }

    @Test(
        "ordering between different types is an error",
        arguments: [#""1" < 2"#, "nil < 1", "true < false", "[1] < [2]"])
    func orderingMismatch(source: String) throws {
        #expect(try evaluationError(source)?.kind == .type)
    }

    @Test(
        "logical operators short-circuit and require booleans",
        arguments: [
            ("true && false", Value.bool(false)), ("true and true", .bool(true)), ("false || true", .bool(true)),
            ("false or false", .bool(false)), ("!true", .bool(false)), ("not false", .bool(true)),
            ("false && meta.missing.x", .bool(false)), ("true || meta.missing.x", .bool(true)),
        ])
    func logical(source: String, expected: Value) throws {
        #expect(try value(source) == expected)
    }

    @Test(
        "logical operators reject non-booleans instead of guessing truthiness",
        arguments: [
            "nil && true", "true && 1", #""x" || false"#, "!nil", "not 0", "false || nil",
        ])
    func logicalNeedsBooleans(source: String) throws {
        #expect(try evaluationError(source)?.kind == .type)
    }

    @Test(
        "arithmetic follows int and float rules",
        arguments: [
            ("1 + 2", Value.int(3)), ("1 + 0.5", .double(1.5)), ("7 - 10", .int(-3)), ("3 * 4", .int(12)),
            ("7 / 2", .double(3.5)),
            ("6 / 3", .double(2)), ("7 % 3", .int(1)), ("-7 % 3", .int(-1)), ("-(2)", .int(-2)), ("+2.5", .double(2.5)),
            (#""ab" + "cd""#, .string("abcd")), ("2 + 3 * 4", .int(14)), ("(2 + 3) * 4", .int(20)),
            ("10 - 2 - 3", .int(5)),
        ])
    func arithmetic(source: String, expected: Value) throws {
        #expect(try value(source) == expected)
    }

    @Test(
        "arithmetic errors",
        arguments: [
            ("9223372036854775807 + 1", ExpressionError.Kind.overflow), ("-9223372036854775807 - 2", .overflow),
            ("4611686018427387904 * 2", .overflow), ("1 / 0", .divisionByZero), ("1.5 / 0.0", .divisionByZero),
            ("1 % 0", .divisionByZero), (#""a" + 1"#, .type), ("1.5 % 1", .type), ("-nil", .type), ("[1] + [2]", .type),
        ])
    func arithmeticErrors(source: String, kind: ExpressionError.Kind) throws {
        #expect(try evaluationError(source)?.kind == kind)
    }

    @Test(
        "in tests list membership and map keys",
        arguments: [
            (#""a" in ["a", "b"]"#, true), (#""c" in ["a", "b"]"#, false), ("1 in [1.0, 2]", true),
            (#""1" in [1, 2]"#, false),
            (#""k" in {k: 1}"#, true), (#""v" in {k: "v"}"#, false), ("1 in {a: 1}", false),
            (#""x" not in ["a"]"#, true),
            ("[1] in [[1], [2]]", true), ("nil in [nil]", true),
        ])
    func membership(source: String, expected: Bool) throws {
        #expect(try value(source) == .bool(expected))
    }

    @Test("in needs a list or a map on the right, nil included")
    func membershipNeedsCollection() throws {
        #expect(try evaluationError(#""a" in "abc""#)?.kind == .type)
        #expect(try evaluationError(#""a" in meta.missing"#)?.kind == .type)
        #expect(try value(#""a" in (meta.missing ?? [])"#) == .bool(false))
    }

    @Test(
        "string operators work on bytes",
        arguments: [
            (#""document:1" startsWith "doc""#, true), (#""doc" startsWith "document""#, false),
            (#""a.b.c" endsWith ".c""#, true),
            (#""abcabd" contains "abd""#, true), (#""abc" contains """#, true), (#""abc" contains "x""#, false),
            (#""é" contains "e""#, false), (#""x" not startsWith "y""#, true), (#""x" not endsWith "x""#, false),
            (#""aaab" contains "aab""#, true),
        ])
    func strings(source: String, expected: Bool) throws {
        #expect(try value(source) == .bool(expected))
    }

    @Test(
        "string operators reject non-strings",
        arguments: [#"1 contains "1""#, #"nil startsWith "a""#, #"["a"] contains "a""#])
    func stringsNeedStrings(source: String) throws {
        #expect(try evaluationError(source)?.kind == .type)
    }

    @Test(
        "matches is an unanchored regular expression search",
        arguments: [
            (#""document:1" matches "^doc""#, true), (#""my-doc" matches "doc""#, true),
            (#""my-doc" matches "^doc""#, false),
            (#""abc123" matches "[0-9]+$""#, true), (#""ABC" matches "(?i)abc""#, true),
            (#""x" not matches "y""#, true),
            (#""doc:7" matches `^doc:\d$`"#, true), (#""line1\nline2" matches "^line2""#, false),
        ])
    func matches(source: String, expected: Bool) throws {
        #expect(try value(source) == .bool(expected))
    }

    @Test("matches needs a string subject")
    func matchesSubject() throws {
        #expect(try evaluationError(#"meta.n matches "1""#, environment(meta: ["n": 1]))?.kind == .type)
    }

    @Test(
        "?? replaces nil only",
        arguments: [
            ("nil ?? 1", Value.int(1)), ("false ?? true", .bool(false)), ("meta.missing ?? \"d\"", .string("d")),
            ("meta.present ?? \"d\"", .string("p")), ("nil ?? nil ?? 3", .int(3)),
        ])
    func coalesce(source: String, expected: Value) throws {
        #expect(try value(source, environment(meta: ["present": "p"])) == expected)
    }

    @Test(
        "?: picks a branch and evaluates only that branch",
        arguments: [
            ("true ? 1 : 2", Value.int(1)), ("false ? 1 : 2", .int(2)),
            ("action == \"read\" ? \"r\" : meta.missing.x", .string("r")),
            ("false ? 1 : true ? 2 : 3", .int(2)),
        ])
    func ternary(source: String, expected: Value) throws {
        #expect(try value(source) == expected)
    }

    @Test("the ternary condition must be a boolean")
    func ternaryCondition() throws {
        #expect(try evaluationError("meta.x ? 1 : 2", environment(meta: ["x": 1]))?.kind == .type)
    }
}
