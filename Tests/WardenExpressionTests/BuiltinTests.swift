import Testing
import WardenExpression
import WardenValue

@Suite("builtins")
struct BuiltinTests {
    static let env = environment(meta: [
        "tags": ["public", "draft", "public"], "nums": [1, 2, 3, 4],
        "users": [["name": "a", "admin": true], ["name": "b", "admin": false]],
        "empty": [],
    ])

    @Test(
        "builtins compute what the documentation says",
        arguments: [
            ("len(\"héllo\")", Value.int(5)), ("len(meta.tags)", .int(3)), ("len({a: 1, b: 2})", .int(2)),
            ("len([])", .int(0)),
            ("all(meta.nums, {# > 0})", .bool(true)), ("all(meta.nums, # > 1)", .bool(false)),
            ("all(meta.empty, false)", .bool(true)),
            ("any(meta.nums, {# == 3})", .bool(true)), ("any(meta.empty, true)", .bool(false)),
            ("none(meta.tags, {# == \"private\"})", .bool(true)), ("none(meta.tags, {# == \"draft\"})", .bool(false)),
            ("one(meta.tags, {# == \"draft\"})", .bool(true)), ("one(meta.tags, {# == \"public\"})", .bool(false)),
            ("one(meta.empty, true)", .bool(false)),
            ("filter(meta.nums, {# % 2 == 0})", .list([2, 4])), ("map(meta.nums, {# * 10})", .list([10, 20, 30, 40])),
            ("count(meta.tags, {# == \"public\"})", .int(2)),
            ("map(meta.users, {.name})", .list(["a", "b"])), ("filter(meta.users, .admin)[0].name", .string("a")),
            ("any(meta.users, {#.name == \"b\" && !#.admin})", .bool(true)),
            ("all(meta.nums, {any(meta.nums, {# > 3})})", .bool(true)),
            ("map(meta.nums, {filter(meta.nums, {# < 2})})[0]", .list([1])),
            ("upper(\"abé\")", .string("ABÉ")), ("lower(\"AbC\")", .string("abc")),
            ("trim(\"  a b \\n\")", .string("a b")),
            ("trim(\"xxaxx\", \"x\")", .string("a")), ("split(\"a,b,,c\", \",\")", .list(["a", "b", "", "c"])),
            ("split(\"ab\", \"\")", .list(["a", "b"])), ("split(\"\", \",\")", .list([""])),
            ("split(\"a::b\", \"::\")", .list(["a", "b"])),
        ])
    func builtin(source: String, expected: Value) throws {
        #expect(try value(source, Self.env) == expected)
    }

    @Test("# is restored after a nested closure")
    func currentRestored() throws {
        #expect(try value("map([1, 2], {[any([10], {# == 10}), #]})", Self.env) == .list([[true, 1], [true, 2]]))
    }

    @Test("all/any stop at the first decisive element")
    func shortCircuit() throws {
        // The second element would fail (`nil > 0`); stopping early means it is never evaluated.
        #expect(try value("any([1, nil], {# > 0})") == .bool(true))
        #expect(try value("all([0, nil], {# > 0})") == .bool(false))
        #expect(try evaluationError("all([1, nil], {# > 0})")?.kind == .type)
    }

    @Test(
        "builtins reject wrong argument types",
        arguments: [
            "len(1)", "len(nil)", "all(meta.missing, true)", "all(\"abc\", true)", "map({a: 1}, #)", "upper(1)",
            "trim(\"a\", 1)", "split(1, \",\")", "all([1], {#})", "filter([1], {nil})",
        ])
    func wrongTypes(source: String) throws {
        #expect(try evaluationError(source, Self.env)?.kind == .type)
    }

    @Test("a missing list can be defaulted with ??")
    func defaultList() throws {
        #expect(try value("all(meta.missing ?? [], {# != \"private\"})", Self.env) == .bool(true))
    }
}
