import CLua
import CLuaShim

/// Compiles a chunk once, in a scratch state, to the bytecode every process then loads: syntax
/// errors surface when a definition is made rather than when a process starts, and a spawn
/// loads bytecode instead of parsing source.
enum LuaCompiler {
    /// The bytecode of `source` (debug information kept unless `strip`, so tracebacks and call
    /// sites name `chunkName` and its lines); a syntax error is a ``LuaLoadError``.
    static func compile(_ source: String, chunkName: String, strip: Bool = false) throws(LuaLoadError) -> [UInt8] {
        _ = LuaDispatch.installed
        guard let state = warden_lua_open(256 << 20, nil) else {
            throw LuaLoadError(file: chunkName, line: 0, column: 0, message: "out of memory while compiling")
        }
        defer { warden_lua_close(state) }
        var text = source
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                warden_lua_load_text(state, chars.baseAddress, chars.count, "@" + chunkName)
            }
        }
        guard status == LUA_OK else {
            let message = LuaStack(state: state).string(at: -1) ?? "syntax error"
            throw parse(message, chunkName: chunkName)
        }
        var length = 0
        guard let buffer = warden_lua_dump(state, strip ? 1 : 0, &length) else {
            throw LuaLoadError(file: chunkName, line: 0, column: 0, message: "out of memory while compiling")
        }
        defer { warden_lua_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// Splits Lua's `file:line: message` into its parts.
    static func parse(_ message: String, chunkName: String) -> LuaLoadError {
        let prefix = chunkName + ":"
        if message.hasPrefix(prefix) {
            let rest = message.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let line = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") {
                return LuaLoadError(
                    file: chunkName, line: line, column: 0, message: String(rest.dropFirst(digits.count + 2)))
            }
        }
        return LuaLoadError(file: chunkName, line: 0, column: 0, message: message)
    }
}
