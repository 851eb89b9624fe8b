import CLua
import CLuaShim
import Foundation
import Testing

@testable import WardenLua

@Suite struct TypeEraserTests {
    /// Typed input and the plain Lua expected, written by hand: type syntax becomes spaces.
    static let cases: [(typed: String, plain: String)] = [
        ("local n: number = 1", "local n         = 1"),
        ("local a: string?, b: {number} = f()", "local a         , b           = f()"),
        ("local x <const>: integer = 5", "local x <const>          = 5"),
        (
            "function f(a: string?, ...: any): (string?, error?) end",
            "function f(a         , ...     )                    end"
        ),
        ("local function id<T>(x: T): T return x end", "local function id   (x   )    return x end"),
        ("type Status = \"a\" | \"b\"", "                       "),
        ("export type Id = string\nreturn 1", "                       \nreturn 1"),
        ("local c = x :: Config", "local c = x          "),
        ("local u = data as User", "local u = data        "),
        ("local name = (user!).name", "local name = (user ).name"),
        ("local d: (number) -> number = g", "local d                     = g"),
        (
            "type Result<T, E> =\n    {ok: true, value: T}\n    | {ok: false, error: E}",
            "                   \n                        \n                           "
        ),
        ("type M = {[string]: number}", "                           "),
        ("type C = {host: string, port?: number}", "                                      "),
        ("local x: number @min(0) @max(100) = 50", "local x" + String(repeating: " ", count: 26) + " = 50"),
        ("function M.get(self, key: string): any end", "function M.get(self, key        )      end"),
        ("function obj:run<T: Named>(v: T) end", "function obj:run          (v   ) end"),
        ("for i: integer = 1, 3 do end", "for i          = 1, 3 do end"),
        ("type P = Named & Aged", "                     "),
        ("local m: Map<string, Array<number>> = {}", "local m                             = {}"),
        ("local f = function(a: number): number return a end", "local f = function(a        )         return a end"),
    ]

    @Test(arguments: cases)
    func typeSyntaxBecomesSpaces(typed: String, plain: String) throws {
        let erased = try TypeEraser.erase(typed, chunkName: "t.lua")
        #expect(erased == plain)
        #expect(erased.utf8.count == typed.utf8.count)
    }

    /// Plain Lua that only looks like type syntax stays exactly as it is.
    static let untouched: [String] = [
        "local s = \"x: number\" -- y: string",
        "local t = [==[ local a: b ]==] --[[ type X = Y ]]",
        "obj:method(a, b)",
        "local t = type(x) == 'table'",
        "goto continue\n::continue::",
        "local n = 0xe+1 print(a ~= b)",
        "t.type = 5; local as = 3; as = as + 1",
        "local ok = a < b and c > d",
    ]

    @Test(arguments: untouched)
    func plainLuaIsLeftAlone(source: String) throws {
        #expect(try TypeEraser.erase(source, chunkName: "t.lua") == source)
    }

    @Test func erasedTypedCodeCompilesAndKeepsLines() throws {
        let typed = """
            type Point = {x: number, y: number}

            local function add(a: Point, b: Point): Point
                local r: Point = {x = a.x + b.x, y = a.y + b.y}
                return r :: Point
            end

            return {main = function(): integer
                local p = add({x = 1, y = 2}, {x = 3, y = 4})
                error("line nine")
            end}
            """
        let erased = try TypeEraser.erase(typed, chunkName: "point.lua")
        #expect(erased.split(separator: "\n", omittingEmptySubsequences: false).count == 11)
        let state = try #require(warden_lua_open(1 << 24, nil))
        defer { warden_lua_close(state) }
        let status = erased.withCString { warden_lua_load_text(state, $0, strlen($0), "@point.lua") }
        #expect(status == LUA_OK)
        #expect(warden_lua_protected_call(state, 0, 1) == LUA_OK)
    }

    /// Constructs common in real typed Lua: record types with a field named `type`, function
    /// types with no parameters, map types of function types, tuple returns.
    @Test func realWorldConstructsEraseToCompilingLua() throws {
        let typed = """
            type Envelope = {
                type: string,
                reply_to: string?,
                handler: (any, any?) -> any,
            }
            local handlers: {[string]: (any, any) -> any} = {}
            local function later(fn: () -> any): boolean return fn ~= nil end
            local function wait(topic: string, timeout: number): (any, string?)
                local e: Envelope = {type = "wait", reply_to = nil, handler = print}
                return e.type, nil
            end
            return {wait = wait, later = later, handlers = handlers}
            """
        let erased = try TypeEraser.erase(typed, chunkName: "real.lua")
        #expect(!erased.contains(":"))
        #expect(erased.contains("{type = \"wait\""))
        let state = try #require(warden_lua_open(1 << 24, nil))
        defer { warden_lua_close(state) }
        let status = erased.withCString { warden_lua_load_text(state, $0, strlen($0), "@real.lua") }
        #expect(status == LUA_OK)
    }

    @Test func anUnreadableTypeIsAnErrorAtItsPosition() {
        #expect {
            _ = try TypeEraser.erase("local a = 1\nlocal x: = 2", chunkName: "bad.lua")
        } throws: { error in
            guard let error = error as? LuaLoadError else { return false }
            return error.file == "bad.lua" && error.line == 2 && error.column == 10
                && error.description.hasPrefix("bad.lua:2:10: cannot read the type expression at `=`")
        }
    }

    @Test func anUnfinishedStringIsAnErrorAtItsStart() {
        #expect {
            _ = try TypeEraser.erase("local s = 'abc", chunkName: "s.lua")
        } throws: { error in
            (error as? LuaLoadError)?.description.hasPrefix("s.lua:1:11: unfinished string") == true
        }
    }

    @Test func aTypedProcessRuns() async throws {
        let result = try await runLua(
            """
            type Reply = {n: integer, tag: string}
            local function reply(n: integer): Reply
                return {n = n, tag = "typed"}
            end
            return { main = function(x: integer): Reply? return reply(x + 1) end }
            """, args: [1])
        #expect(exitValue(result) == ["n": 2, "tag": "typed"])
    }
}
