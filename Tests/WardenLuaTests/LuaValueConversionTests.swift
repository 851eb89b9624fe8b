import Testing
import WardenLua
import WardenRuntime
import WardenValue

/// Values cross into Lua as spawn arguments and come back as the process result.
@Suite struct LuaValueConversionTests {
    static let identity = "return { main = function(v) return v end }"

    static let roundTrips: [Value] = [
        true, false, 0, -7, Value.int(Int.max), Value.int(Int.min), 2.5, Value.double(2.0), "", "héllo\u{0}x",
        [1, 2, 3], ["a": 1, "b": [true, "x"]], [["nested": [[1], [2.5]]]], Value.map([:]),
        ["k": ["deep": ["deeper": ["deepest": "yes"]]]],
    ]

    @Test(arguments: roundTrips)
    func valuesSurviveTheRoundTrip(value: Value) async throws {
        let result = try await runLua(Self.identity, args: [value])
        #expect(exitValue(result) == value)
    }

    /// The fuzz target's entry point converts as a running process does: what a table can hold
    /// comes back unchanged; a null member is no member, and an empty list an empty map.
    @Test(arguments: roundTrips)
    func theFuzzingEntryPointConvertsAsAProcessDoes(value: Value) {
        #expect(LuaFuzzing.roundTrip(value) == value)
    }

    @Test func whatALuaTableCannotHoldComesBackAsLuaHasIt() {
        #expect(LuaFuzzing.roundTrip(["a": 1, "gone": .null]) == ["a": 1])
        #expect(LuaFuzzing.roundTrip(.list([])) == .map([:]))
        #expect(LuaFuzzing.roundTrip([1, .null]) == [1])
        #expect(LuaFuzzing.roundTrip([.null, 1]) == nil)  // {[2] = 1} is neither a list nor a map
        #expect(LuaFuzzing.erase("local n: number = 1\n") == "local n         = 1\n")
        #expect(LuaFuzzing.erase("local n: = 1") == nil)
    }

    @Test func integersAndFloatsKeepTheirLuaSubtype() async throws {
        let result = try await runLua(
            "return { main = function(i, f) return {math.type(i), math.type(f), f == 2} end }", args: [2, .double(2.0)])
        #expect(exitValue(result) == ["integer", "float", true])
    }

    @Test func aLuaSequenceIsAListAndStringKeysAreAMap() async throws {
        let result = try await runLua(
            """
            return { main = function()
                return {list = {"a", "b"}, map = {x = 1}, empty = {}, float = 1.5, int = 3}
            end }
            """)
        #expect(
            exitValue(result) == ["list": ["a", "b"], "map": ["x": 1], "empty": .map([:]), "float": 1.5, "int": 3])
    }

    static let refused: [(source: String, fragment: String)] = [
        ("return {f = print}", "function"),
        ("return {coroutine.create(print)}", "thread"),
        ("local t = {}; t.me = t; return t", "cyclic"),
        ("return {1, 2, x = 3}", "mixing"),
        ("return {[1] = 1, [3] = 3}", "mixing"),
        ("return {[true] = 1}", "mixing"),
        ("local t = {}; local c = t; for i = 1, 200 do c.n = {}; c = c.n end; return t", "deeper"),
    ]

    @Test(arguments: refused)
    func unsupportedValuesAreRefusedNamingWhatWasFound(source: String, fragment: String) async throws {
        let result = try await runLua(
            """
            return { main = function()
                local value = (function() \(source) end)()
                local ok, err = process.send(process.pid(), "t", value)
                return {ok == nil, err:kind(), err:message()}
            end }
            """)
        guard case .list(let parts)? = exitValue(result), parts.count == 3 else {
            Issue.record("unexpected \(result)")
            return
        }
        #expect(parts[0] == true)
        #expect(parts[1] == "INVALID")
        #expect(parts[2].stringValue?.contains(fragment) == true, "\(parts[2])")
    }

    @Test func aResultThatCannotBeCopiedIsAnAbnormalExit() async throws {
        let result = try await runLua("return { main = function() return {print} end }")
        #expect(exitError(result)?.kind == .invalid)
    }
}
